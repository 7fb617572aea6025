namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// The files of a bundle folder <c>&lt;root&gt;/&lt;name&gt;/&lt;version&gt;/</c>:
/// <code>
/// MLmodel            MLflow's model description (flavor mlnet, signature, uuid, creation time)
/// model.zip          the ML.NET classifier saved with its input schema (entries normalised)
/// anomaly.zip        optional anomaly model, same input schema
/// signature.json     input columns (vector slots) with types, outputs, vector length, feature set reference
/// feature-set.json   the feature set's canonical JSON, byte for byte (its sha256 is in signature.json)
/// datasets.json      dataset versions trained on
/// metrics.json       evaluation metrics
/// decision.json      probability → buy/sell/flat thresholds, anomaly threshold
/// manifest.json      every other file with size and sha256, and the content hash
/// </code>
/// </summary>
public static class ModelBundleLayout
{
    /// <summary>MLflow's model description (YAML).</summary>
    public const string MlModel = "MLmodel";

    /// <summary>The classifier.</summary>
    public const string Model = "model.zip";

    /// <summary>The optional anomaly model.</summary>
    public const string AnomalyModel = "anomaly.zip";

    /// <summary>Inputs and outputs.</summary>
    public const string Signature = "signature.json";

    /// <summary>The feature set's canonical JSON.</summary>
    public const string FeatureSet = "feature-set.json";

    /// <summary>Dataset versions trained on.</summary>
    public const string Datasets = "datasets.json";

    /// <summary>Metrics.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>Decision thresholds.</summary>
    public const string Decision = "decision.json";

    /// <summary>Sizes and hashes of every other file.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The format tag written in <c>manifest.json</c> and <c>signature.json</c>.</summary>
    public const string Format = "tick-model-bundle/1";
}
