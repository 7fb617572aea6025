using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.ML;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// Everything a bundle holds, as the trainer hands it to <see cref="ModelBundleWriter"/>: the fitted ML.NET binary
/// classifier (its output schema must have float32 <c>Score</c> and <c>Probability</c> columns), what it reads
/// (<see cref="Signature"/>), the feature set that computes those columns, the dataset versions it was trained on,
/// metrics, decision thresholds and an optional anomaly model. Validated as a whole by the writer.
/// </summary>
public sealed partial record ModelBundleContent
{
    /// <summary>The model's name: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, starting with a letter or digit (it is a folder name).</summary>
    public required string Name { get; init; }

    /// <summary>The bundle version, same characters as <see cref="Name"/> (e.g. <c>1</c>, <c>2026-12-02a</c>); never overwritten.</summary>
    public required string Version { get; init; }

    /// <summary>The fitted classifier.</summary>
    public required ITransformer Model { get; init; }

    /// <summary>The input vector's columns.</summary>
    public required ModelSignature Signature { get; init; }

    /// <summary>The feature set whose columns the inputs are; stored as its canonical JSON.</summary>
    public required FeatureSetDefinition FeatureSet { get; init; }

    /// <summary>The dataset versions trained on (default none), kept in the given order.</summary>
    public IReadOnlyList<ModelDatasetVersion> Datasets { get; init; } = [];

    /// <summary>Evaluation metrics by name (finite values), written in ordinal name order (default none).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Probability → action thresholds (default 0.55 / 0.45).</summary>
    public DecisionThresholds Thresholds { get; init; } = new();

    /// <summary>An anomaly model and its threshold, or null (default).</summary>
    public AnomalyDetector? Anomaly { get; init; }

    /// <summary>Every problem with the content, one message per field.</summary>
    internal List<string> Validate()
    {
        var errors = new List<string>();
        Safe(errors, nameof(Name), Name);
        Safe(errors, nameof(Version), Version);
        if (Model is null)
        {
            errors.Add("Model must not be null");
        }
        if (Signature is null)
        {
            errors.Add("Signature must not be null");
        }
        else
        {
            Signature.Validate(errors);
        }
        if (FeatureSet is null)
        {
            errors.Add("FeatureSet must not be null");
        }
        if (Datasets is null)
        {
            errors.Add("Datasets must not be null (use an empty list)");
        }
        if (Metrics is null)
        {
            errors.Add("Metrics must not be null (use an empty dictionary)");
        }
        for (var i = 0; i < (Datasets?.Count ?? 0); i++)
        {
            var d = Datasets![i];
            if (d is null || string.IsNullOrWhiteSpace(d.Name) || string.IsNullOrWhiteSpace(d.Version))
            {
                errors.Add($"Datasets[{i}] must have a name and a version");
            }
        }
        foreach (var (key, value) in Metrics ?? new Dictionary<string, double>())
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                errors.Add("Metrics has an empty name");
            }
            else if (!double.IsFinite(value))
            {
                errors.Add($"Metrics['{key}'] must be finite, was {value.ToString(CultureInfo.InvariantCulture)}");
            }
        }
        if (Thresholds is null)
        {
            errors.Add("Thresholds must not be null");
        }
        else
        {
            Thresholds.Validate(errors);
        }
        Anomaly?.Validate(errors);
        return errors;
    }

    private static void Safe(List<string> errors, string field, string? value)
    {
        if (value is null || value.Length > 100 || !SafeName().IsMatch(value))
        {
            errors.Add($"{field} must be 1-100 characters of [A-Za-z0-9._-] starting with a letter or digit, was '{value}'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
