using System.Text;
using Microsoft.ML;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// Writes a <see cref="ModelBundleContent"/> as the folder <c>&lt;root&gt;/&lt;name&gt;/&lt;version&gt;/</c> (see
/// <see cref="ModelBundleLayout"/>) that a serving host loads with <see cref="ModelBundle.Load"/>, without the trainer.
/// Deterministic: the same content gives the same bytes in every file but <c>MLmodel</c>, whose creation time comes
/// from <see cref="ModelBundleOptions.TimeProvider"/>. Atomic: the files are written into a temporary folder beside the
/// target and renamed into place, so a failure leaves no bundle; an existing version is never overwritten.
/// Thread safe (ML.NET models are only read).
/// </summary>
public static class ModelBundleWriter
{
    /// <summary>Validates, writes and returns the bundle.</summary>
    /// <exception cref="ModelBundleException">
    /// InvalidInput listing every bad field; UnknownFeature when the host cannot compute the feature set or an input is
    /// not one of its columns; SignatureMismatch when the model does not accept the signature's vector or lacks an
    /// output; AlreadyExists when the version exists.
    /// </exception>
    public static ModelBundleInfo Write(ModelBundleContent content, ModelBundleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new ModelBundleOptions();
        var errors = content.Validate();
        if (errors.Count > 0)
        {
            throw new ModelBundleException(ModelBundleErrorKind.InvalidInput, $"Invalid model bundle content: {string.Join("; ", errors)}.");
        }
        var computable = FeatureSetColumns.Of(content.FeatureSet, ModelBundleLayout.FeatureSet).ToHashSet(StringComparer.Ordinal);
        foreach (var column in content.Signature.InputColumns.Where(c => !computable.Contains(c)))
        {
            throw new ModelBundleException(ModelBundleErrorKind.UnknownFeature, "An input column is not a column of the feature set.")
            {
                File = ModelBundleLayout.Signature,
                Field = column,
                Expected = "one of " + string.Join(", ", computable.Order(StringComparer.Ordinal)),
                Actual = $"'{column}'",
            };
        }
        var target = Path.GetFullPath(Path.Combine(options.Root, content.Name, content.Version));
        ThrowIfExists(target);

        var ml = new MLContext(seed: 0);
        var input = ModelZip.InputSchema(content.Signature);
        ModelZip.CheckOutputs(content.Model, input, ModelBundleLayout.Model, "Score", "Probability");
        var outputs = new List<string> { ModelSignature.ScoreOutput, ModelSignature.ProbabilityOutput };
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ModelBundleLayout.Model] = ModelZip.Save(ml, content.Model, input),
        };
        if (content.Anomaly is { } anomaly)
        {
            ModelZip.CheckOutputs(anomaly.Model, input, ModelBundleLayout.AnomalyModel, "Score");
            files[ModelBundleLayout.AnomalyModel] = ModelZip.Save(ml, anomaly.Model, input);
            outputs.Add(ModelSignature.AnomalyScoreOutput);
        }
        var featureSet = Encoding.UTF8.GetBytes(content.FeatureSet.ToJson());
        files[ModelBundleLayout.FeatureSet] = featureSet;
        files[ModelBundleLayout.Signature] = SignatureJson.Write(content.Signature, outputs, content.FeatureSet, ModelBundleManifest.Describe("", featureSet).Sha256);
        files[ModelBundleLayout.Datasets] = MetadataJson.WriteDatasets(content.Datasets);
        files[ModelBundleLayout.Metrics] = MetadataJson.WriteMetrics(content.Metrics);
        files[ModelBundleLayout.Decision] = MetadataJson.WriteDecision(content.Thresholds, content.Anomaly?.Threshold);

        var contentHash = ModelBundleManifest.ContentHash(files.Select(f => ModelBundleManifest.Describe(f.Key, f.Value)));
        files[ModelBundleLayout.MlModel] = MlModelFile.Write(content.Signature, outputs, content.Anomaly is not null, contentHash,
            options.TimeProvider.GetUtcNow());
        var entries = files.Select(f => ModelBundleManifest.Describe(f.Key, f.Value)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        files[ModelBundleLayout.Manifest] = ModelBundleManifest.Write(content.Name, content.Version, contentHash, entries);

        WriteAtomically(target, files, options.AfterFile);
        return new ModelBundleInfo(target, content.Name, content.Version, contentHash, entries);
    }

    private static void WriteAtomically(string target, Dictionary<string, byte[]> files, Action<string>? afterFile)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.incoming-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            // The manifest last: a folder with a manifest is complete even if a crash left the temporary folder behind.
            foreach (var (name, bytes) in files.OrderBy(f => f.Key == ModelBundleLayout.Manifest).ThenBy(f => f.Key, StringComparer.Ordinal))
            {
                using (var stream = new FileStream(Path.Combine(temp, name), FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }
                afterFile?.Invoke(name);
            }
            ThrowIfExists(target);
            try
            {
                Directory.Move(temp, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                ThrowIfExists(target);
                throw;
            }
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static void ThrowIfExists(string target)
    {
        if (Directory.Exists(target) || File.Exists(target))
        {
            throw new ModelBundleException(ModelBundleErrorKind.AlreadyExists,
                "This model version already exists; bundles are never overwritten: choose a new version.")
            { File = target };
        }
    }
}
