using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.ML;
using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// The <c>MLmodel</c> file, as MLflow 2.x's <c>Model.save</c> writes it (<c>yaml.safe_dump</c>, keys sorted), so the
/// MLflow UI lists the bundle logged under a run's <c>model/</c> and shows its signature:
/// <code>
/// artifact_path: model
/// flavors:
///   mlnet:
///     anomaly_data: anomaly.zip       (only with an anomaly model)
///     bundle_format: tick-model-bundle/1
///     data: model.zip
///     loader: TickKernelExtensions.Modeling.Export.ModelBundle
///     mlnet_version: 5.0.1
/// model_uuid: &lt;first 32 hex digits of the content hash&gt;
/// signature:
///   inputs: '[{"type": "float", "name": "log_return_1", "required": true}, …]'
///   outputs: '[{"type": "float", "name": "score", "required": true}, …]'
///   params: null
/// utc_time_created: '2026-12-02 06:30:00.123456'
/// </code>
/// Signatures are JSON strings (Python <c>json.dumps</c>: <c>", "</c>, <c>": "</c>, ASCII escapes) of MLflow column specs in
/// <c>ColSpec.to_dict</c> order. No <c>python_function</c> flavor: Python cannot run an ML.NET model. Not written:
/// <c>mlflow_version</c> (no MLflow wrote it; readers treat it as optional), <c>run_id</c> (the bundle exists before any
/// run and its bytes are hashed; the run is linked by the run's artifacts and the registry version), <c>model_size_bytes</c>.
/// PyYAML folds long quoted scalars over lines; one line is the same YAML value.
/// </summary>
internal static class MlModelFile
{
    /// <summary>The flavor name.</summary>
    public const string Flavor = "mlnet";

    /// <summary>The run artifact folder the bundle is logged under (MLflow's <c>log_model</c> default).</summary>
    public const string ArtifactPath = "model";

    /// <summary>ML.NET's version (the informational version without the commit suffix).</summary>
    public static string MlNetVersion { get; } =
        (typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(MLContext).Assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];

    public static byte[] Write(ModelSignature signature, IReadOnlyList<string> outputs, bool hasAnomaly, string contentHash, DateTimeOffset created)
    {
        var b = new StringBuilder();
        b.Append("artifact_path: ").Append(ArtifactPath).Append('\n');
        b.Append("flavors:\n");
        b.Append("  ").Append(Flavor).Append(":\n");
        if (hasAnomaly)
        {
            b.Append("    anomaly_data: ").Append(ModelBundleLayout.AnomalyModel).Append('\n');
        }
        b.Append("    bundle_format: ").Append(ModelBundleLayout.Format).Append('\n');
        b.Append("    data: ").Append(ModelBundleLayout.Model).Append('\n');
        b.Append("    loader: ").Append(typeof(ModelBundle).FullName).Append('\n');
        b.Append("    mlnet_version: ").Append(YamlScalar.Format(MlNetVersion)).Append('\n');
        b.Append("model_uuid: ").Append(YamlScalar.Format(contentHash[..32])).Append('\n');
        b.Append("signature:\n");
        b.Append("  inputs: ").Append(Quote(ColumnSpecs(signature.InputColumns))).Append('\n');
        b.Append("  outputs: ").Append(Quote(ColumnSpecs(outputs))).Append('\n');
        b.Append("  params: null\n");
        b.Append("utc_time_created: ").Append(Quote(PythonTime(created))).Append('\n');
        return new UTF8Encoding(false).GetBytes(b.ToString());
    }

    /// <summary>Python's <c>str(datetime)</c>: <c>yyyy-MM-dd HH:mm:ss</c> and <c>.ffffff</c> unless the microseconds are 0.</summary>
    public static string PythonTime(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var micros = utc.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return micros == 0 ? text : text + "." + micros.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary><c>json.dumps([{"type": "float", "name": n, "required": True}, …])</c>.</summary>
    public static string ColumnSpecs(IEnumerable<string> names)
    {
        var b = new StringBuilder("[");
        var first = true;
        foreach (var name in names)
        {
            b.Append(first ? "" : ", ").Append("{\"type\": \"").Append(ModelSignature.FloatType).Append("\", \"name\": ");
            PythonJson.AppendString(b, name);
            b.Append(", \"required\": true}");
            first = false;
        }
        return b.Append(']').ToString();
    }

    /// <summary>A YAML single-quoted scalar (quotes doubled), as PyYAML writes a string that would not read back plain.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
