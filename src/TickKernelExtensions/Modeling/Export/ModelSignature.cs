using System.Collections.Immutable;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// What a bundled model reads: one ML.NET column <see cref="VectorColumn"/> of type <c>Vector&lt;Single&gt;</c> of length
/// <see cref="VectorLength"/>, whose slots are the named feature columns <see cref="InputColumns"/>, in order (all
/// float32; NaN for a missing value, which the tree trainers handle). The outputs are fixed: <c>score</c> (the raw
/// margin) and <c>probability</c> (calibrated, in [0, 1]), plus <c>anomaly_score</c> when the bundle has an anomaly
/// model. Every input column must be a column of the bundle's feature set, so a serving host can compute it. Immutable.
/// </summary>
public sealed record ModelSignature
{
    /// <summary>ML.NET's conventional name of the feature vector column.</summary>
    public const string DefaultVectorColumn = "Features";

    /// <summary>The one type of input columns, as MLflow and <c>signature.json</c> name float32.</summary>
    public const string FloatType = "float";

    /// <summary>Output column: the raw score (margin) of the binary classifier.</summary>
    public const string ScoreOutput = "score";

    /// <summary>Output column: the calibrated probability of the positive class.</summary>
    public const string ProbabilityOutput = "probability";

    /// <summary>Output column: the anomaly model's score, when the bundle has one.</summary>
    public const string AnomalyScoreOutput = "anomaly_score";

    /// <summary>Creates a signature; names must be non-empty and distinct (checked by <see cref="Validate"/>).</summary>
    public ModelSignature(IEnumerable<string> inputColumns, string vectorColumn = DefaultVectorColumn)
    {
        ArgumentNullException.ThrowIfNull(inputColumns);
        ArgumentNullException.ThrowIfNull(vectorColumn);
        InputColumns = [.. inputColumns];
        VectorColumn = vectorColumn;
    }

    /// <summary>The feature columns in vector slot order.</summary>
    public ImmutableArray<string> InputColumns { get; }

    /// <summary>The ML.NET input column holding the vector (default <c>Features</c>).</summary>
    public string VectorColumn { get; }

    /// <summary>The expected vector length (= the number of input columns).</summary>
    public int VectorLength => InputColumns.Length;

    /// <summary>The signature whose inputs are every column <paramref name="featureSet"/> computes, in its row order.</summary>
    /// <exception cref="ModelBundleException">UnknownFeature when the host cannot compute a feature of the set.</exception>
    public static ModelSignature FromFeatureSet(FeatureSetDefinition featureSet, string vectorColumn = DefaultVectorColumn) =>
        new(FeatureSetColumns.Of(featureSet, "feature-set.json"), vectorColumn);

    /// <summary>Adds a message per bad field to <paramref name="errors"/>.</summary>
    internal void Validate(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(VectorColumn))
        {
            errors.Add("Signature.VectorColumn must not be empty");
        }
        if (InputColumns.IsDefaultOrEmpty)
        {
            errors.Add("Signature.InputColumns must hold at least one column");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < InputColumns.Length; i++)
        {
            var name = InputColumns[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"Signature.InputColumns[{i}] must not be empty");
            }
            else if (!seen.Add(name))
            {
                errors.Add($"Signature.InputColumns[{i}] '{name}' appears twice");
            }
        }
    }

    /// <summary>True when both have the same vector column and the same input columns in the same order.</summary>
    public bool Equals(ModelSignature? other) =>
        other is not null && VectorColumn == other.VectorColumn && InputColumns.SequenceEqual(other.InputColumns);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(VectorColumn, InputColumns.Length);
}
