using System.Text;
using TickKernelExtensions.Datasets;
using TickKernelExtensions.Tracking;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// Logs a bundle to a tracking run as MLflow 2.x's <c>log_model</c> does: every bundle file (manifest included) as an
/// artifact under <c>model/</c>, so <c>runs:/&lt;run_id&gt;/model</c> is the bundle folder itself and loads with
/// <see cref="ModelBundle.Load"/>; the run tag <c>mlflow.log-model.history</c> (what the UI's "Models" column reads) and
/// <c>tick.model.*</c> tags; and, when a registered name is given, a new registry version whose source is the run's
/// artifact location of that folder (<c>&lt;artifact_uri&gt;/model</c>, as MLflow's <c>register_model</c> resolves
/// <c>runs:/&lt;run_id&gt;/model</c>), with aliases. Works on both stores (file and REST).
/// </summary>
public static class ModelBundleTracking
{
    /// <summary>The run artifact folder of the bundle.</summary>
    public const string ArtifactPath = MlModelFile.ArtifactPath;

    /// <summary>
    /// Verifies the bundle in <paramref name="bundleFolder"/> (as <see cref="ModelBundle.Load"/>), copies it into the run's
    /// artifacts, sets the tags and flushes them, and registers it as the next version of
    /// <paramref name="registeredName"/> (created when missing) when that is given, pointing each alias at it.
    /// The history tag holds this model only (the run's earlier tags are not read back).
    /// </summary>
    /// <returns>The registry version, or null when <paramref name="registeredName"/> is null.</returns>
    public static async Task<ModelVersion?> LogAsync(TrackingClient client, ActiveRun run, string bundleFolder, string? registeredName = null,
        IReadOnlyList<string>? aliases = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(run);
        if (registeredName is not null)
        {
            TrackingKeys.ValidateModelName(registeredName);
        }
        foreach (var alias in aliases ?? [])
        {
            TrackingKeys.ValidateAlias(alias);
        }
        string name, version, hash;
        IReadOnlyList<ModelBundleFile> files;
        using (var bundle = ModelBundle.Load(bundleFolder))
        {
            (name, version, hash, files) = (bundle.Name, bundle.Version, bundle.ContentHash, bundle.Files);
            bundleFolder = bundle.Folder;
        }
        foreach (var file in files.Select(f => f.Path).Append(ModelBundleLayout.Manifest))
        {
            await run.LogArtifactAsync(Path.Combine(bundleFolder, file), ArtifactPath, cancellationToken);
        }
        run.SetTag("mlflow.log-model.history", History(run.RunId, Path.Combine(bundleFolder, ModelBundleLayout.MlModel)));
        run.SetTag("tick.model.name", name);
        run.SetTag("tick.model.version", version);
        run.SetTag("tick.model.content_sha256", hash);
        await run.FlushAsync(cancellationToken);
        if (registeredName is null)
        {
            return null;
        }
        await client.Store.EnsureRegisteredModelAsync(registeredName, null, cancellationToken);
        var created = await client.Store.CreateModelVersionAsync(registeredName, SourceOf(run.Info), run.RunId,
            $"bundle {name}/{version}, content sha256 {hash}", cancellationToken);
        foreach (var alias in aliases ?? [])
        {
            await client.Store.SetAliasAsync(registeredName, alias, created.Version, cancellationToken);
        }
        return created;
    }

    /// <summary>
    /// Where the logged bundle is: the run's artifact URI plus <c>/model</c> (e.g. <c>mlflow-artifacts:/1/&lt;run&gt;/artifacts/model</c>),
    /// or <c>runs:/&lt;run_id&gt;/model</c> when the store reported no artifact URI.
    /// </summary>
    internal static string SourceOf(TrackingRunInfo run) =>
        run.ArtifactUri.Length == 0 ? $"runs:/{run.RunId}/{ArtifactPath}" : $"{run.ArtifactUri.TrimEnd('/')}/{ArtifactPath}";

    /// <summary>
    /// <c>json.dumps([model.to_dict()])</c> as MLflow 2.x writes the tag: <c>run_id</c>, <c>artifact_path</c>,
    /// <c>utc_time_created</c>, <c>flavors</c>, <c>model_uuid</c>, the values read from the bundle's MLmodel.
    /// </summary>
    internal static string History(string runId, string mlModelPath)
    {
        YamlMappingNode root;
        try
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(mlModelPath, Encoding.UTF8))
            {
                yaml.Load(reader);
            }
            root = (YamlMappingNode)yaml.Documents[0].RootNode;
        }
        catch (Exception e) when (e is YamlException or InvalidCastException or ArgumentOutOfRangeException)
        {
            throw new ModelBundleException(ModelBundleErrorKind.Malformed, $"MLmodel is not a YAML mapping: {e.Message}", e) { File = ModelBundleLayout.MlModel };
        }
        var b = new StringBuilder("[{\"run_id\": ");
        PythonJson.AppendString(b, runId);
        b.Append(", \"artifact_path\": ");
        PythonJson.AppendString(b, ArtifactPath);
        b.Append(", \"utc_time_created\": ");
        PythonJson.AppendString(b, Scalar(root, "utc_time_created"));
        b.Append(", \"flavors\": ");
        AppendNode(b, root.Children[new YamlScalarNode("flavors")]);
        b.Append(", \"model_uuid\": ");
        PythonJson.AppendString(b, Scalar(root, "model_uuid"));
        return b.Append("}]").ToString();
    }

    private static string Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value }
            ? value
            : throw new ModelBundleException(ModelBundleErrorKind.Malformed, "MLmodel lacks a field.") { File = ModelBundleLayout.MlModel, Field = key };

    private static void AppendNode(StringBuilder b, YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            b.Append('{');
            var first = true;
            foreach (var (k, v) in map.Children)
            {
                b.Append(first ? "" : ", ");
                PythonJson.AppendString(b, ((YamlScalarNode)k).Value!);
                b.Append(": ");
                AppendNode(b, v);
                first = false;
            }
            b.Append('}');
            return;
        }
        PythonJson.AppendString(b, ((YamlScalarNode)node).Value ?? "");
    }
}
