using System.Text;
using Microsoft.ML;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Modeling.Export;

public sealed partial class ModelBundle
{
    /// <summary>The folder of <paramref name="name"/> version <paramref name="version"/> under <paramref name="root"/> (default <c>data/models</c>).</summary>
    public static string FolderOf(string name, string version, string? root = null) =>
        Path.GetFullPath(Path.Combine(root ?? new ModelBundleOptions().Root, name, version));

    /// <summary>
    /// Verifies and loads the bundle in <paramref name="folder"/>: every file's size and SHA-256 against
    /// <c>manifest.json</c> (and no file beyond it), the content hash, the feature set (its JSON canonical and hashing as
    /// <c>signature.json</c> records, every feature computable by this library, every input one of its columns), and the
    /// models' own input schemas against <c>signature.json</c> (vector column, length, slot names in order) and their outputs.
    /// </summary>
    /// <exception cref="ModelBundleException">
    /// MissingFile, HashMismatch (naming the file, expected and actual hash), Malformed, UnknownFeature (naming the
    /// feature) or SignatureMismatch (naming the column, expected and actual).
    /// </exception>
    public static ModelBundle Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            throw new ModelBundleException(ModelBundleErrorKind.MissingFile, "There is no bundle folder here.") { File = folder };
        }
        var manifestBytes = ReadFile(folder, ModelBundleLayout.Manifest);
        var (name, version, contentHash, files) = ModelBundleManifest.Read(manifestBytes);
        var bytes = Verify(folder, files);
        var actualHash = ModelBundleManifest.ContentHash(files);
        if (actualHash != contentHash)
        {
            throw new ModelBundleException(ModelBundleErrorKind.HashMismatch, "The manifest's content hash does not match its files.")
            {
                File = ModelBundleLayout.Manifest, Field = "content_sha256", Expected = contentHash, Actual = actualHash,
            };
        }
        byte[] Required(string file) => bytes.TryGetValue(file, out var b) ? b
            : throw new ModelBundleException(ModelBundleErrorKind.MissingFile, "A required bundle file is not in the manifest.") { File = file };

        var (signature, outputs, featureSetSha) = SignatureJson.Read(Required(ModelBundleLayout.Signature));
        var (featureSet, columns) = ReadFeatureSet(Required(ModelBundleLayout.FeatureSet), featureSetSha);
        var indices = new int[signature.VectorLength];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = IndexOf(columns, signature.InputColumns[i]);
        }
        var (thresholds, anomalyAbove) = MetadataJson.ReadDecision(Required(ModelBundleLayout.Decision));
        var hasAnomaly = bytes.ContainsKey(ModelBundleLayout.AnomalyModel);
        if (hasAnomaly != anomalyAbove.HasValue)
        {
            throw BundleJson.Malformed(ModelBundleLayout.Decision, "anomaly_above",
                hasAnomaly ? "a threshold for anomaly.zip" : "null (no anomaly.zip)", anomalyAbove?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null");
        }
        string[] expectedOutputs = hasAnomaly
            ? [ModelSignature.ScoreOutput, ModelSignature.ProbabilityOutput, ModelSignature.AnomalyScoreOutput]
            : [ModelSignature.ScoreOutput, ModelSignature.ProbabilityOutput];
        if (!outputs.SequenceEqual(expectedOutputs))
        {
            throw new ModelBundleException(ModelBundleErrorKind.SignatureMismatch, "signature.json lists other outputs than the bundle's models write.")
            {
                File = ModelBundleLayout.Signature, Field = "outputs", Expected = string.Join(", ", expectedOutputs), Actual = string.Join(", ", outputs),
            };
        }

        var ml = new MLContext(seed: 0);
        var input = ModelZip.InputSchema(signature);
        var model = ModelZip.Load(ml, Required(ModelBundleLayout.Model), signature, ModelBundleLayout.Model);
        ModelZip.CheckOutputs(model, input, ModelBundleLayout.Model, "Score", "Probability");
        ITransformer? anomaly = null;
        if (hasAnomaly)
        {
            anomaly = ModelZip.Load(ml, bytes[ModelBundleLayout.AnomalyModel], signature, ModelBundleLayout.AnomalyModel);
            ModelZip.CheckOutputs(anomaly, input, ModelBundleLayout.AnomalyModel, "Score");
        }
        return new ModelBundle(new ScorerPool(ml, model, anomaly, signature), indices)
        {
            Folder = folder,
            Name = name,
            Version = version,
            ContentHash = contentHash,
            Signature = signature,
            Outputs = outputs,
            FeatureSet = featureSet,
            FeatureSetColumns = columns,
            Datasets = MetadataJson.ReadDatasets(Required(ModelBundleLayout.Datasets)),
            Metrics = MetadataJson.ReadMetrics(Required(ModelBundleLayout.Metrics)),
            Thresholds = thresholds,
            AnomalyThreshold = anomalyAbove,
            Model = model,
            AnomalyModel = anomaly,
            Files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(),
        };
    }

    private static Dictionary<string, byte[]> Verify(string folder, IReadOnlyList<ModelBundleFile> files)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in files)
        {
            var bytes = ReadFile(folder, entry.Path);
            var actual = ModelBundleManifest.Describe(entry.Path, bytes);
            if (actual.Size != entry.Size || actual.Sha256 != entry.Sha256)
            {
                throw new ModelBundleException(ModelBundleErrorKind.HashMismatch, "A bundle file differs from the manifest (tampered or corrupted).")
                {
                    File = entry.Path,
                    Expected = $"sha256 {entry.Sha256}, {entry.Size} bytes",
                    Actual = $"sha256 {actual.Sha256}, {actual.Size} bytes",
                };
            }
            if (!result.TryAdd(entry.Path, bytes))
            {
                throw BundleJson.Malformed(ModelBundleLayout.Manifest, "files.path", "each file once", $"'{entry.Path}' twice");
            }
        }
        var extra = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName)
            .FirstOrDefault(f => f != ModelBundleLayout.Manifest && !result.ContainsKey(f!));
        if (extra is not null)
        {
            throw new ModelBundleException(ModelBundleErrorKind.MissingFile, "The bundle folder holds a file the manifest does not list.") { File = extra };
        }
        return result;
    }

    private static (FeatureSetDefinition Definition, IReadOnlyList<string> Columns) ReadFeatureSet(byte[] bytes, string recordedSha)
    {
        const string file = ModelBundleLayout.FeatureSet;
        var sha = ModelBundleManifest.Describe(file, bytes).Sha256;
        if (sha != recordedSha)
        {
            throw new ModelBundleException(ModelBundleErrorKind.UnknownFeature, "The feature set's JSON does not hash to the sha256 signature.json records.")
            {
                File = file, Field = "feature_set.sha256", Expected = recordedSha, Actual = sha,
            };
        }
        FeatureSetDefinition definition;
        try
        {
            definition = FeatureSetDefinition.FromJson(Encoding.UTF8.GetString(bytes));
        }
        catch (FormatException e)
        {
            throw new ModelBundleException(ModelBundleErrorKind.Malformed, e.Message, e) { File = file };
        }
        if (definition.ContentHash != sha)
        {
            throw new ModelBundleException(ModelBundleErrorKind.UnknownFeature,
                "The feature set's JSON is not in this library's canonical form, so its hash is not the definition's.")
            {
                File = file, Field = "feature_set.sha256", Expected = definition.ContentHash, Actual = sha,
            };
        }
        return (definition, Export.FeatureSetColumns.Of(definition, file));
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == column)
            {
                return i;
            }
        }
        throw new ModelBundleException(ModelBundleErrorKind.UnknownFeature, "An input column is not a column of the bundle's feature set.")
        {
            File = ModelBundleLayout.Signature, Field = column, Expected = "one of " + string.Join(", ", columns), Actual = $"'{column}'",
        };
    }

    private static byte[] ReadFile(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!System.IO.File.Exists(path))
        {
            throw new ModelBundleException(ModelBundleErrorKind.MissingFile, "A bundle file is missing.") { File = file };
        }
        return System.IO.File.ReadAllBytes(path);
    }
}
