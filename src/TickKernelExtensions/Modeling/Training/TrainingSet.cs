using Microsoft.ML;
using TickKernelExtensions.Modeling.Splits;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Train, validation and test samples joined from a feature table, labels, weights and a split (built by
/// <see cref="TrainingSetBuilder"/>), with the counts of what was dropped on the way. Immutable.
/// </summary>
public sealed class TrainingSet
{
    internal TrainingSet(IReadOnlyList<string> featureNames, string featureSetName, string featureSetHash,
        TrainingPart train, TrainingPart validation, TrainingPart test, TrainingSetCounts counts)
    {
        FeatureNames = featureNames;
        FeatureSetName = featureSetName;
        FeatureSetHash = featureSetHash;
        Train = train;
        Validation = validation;
        Test = test;
        Counts = counts;
    }

    /// <summary>The feature columns, in vector order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The feature set's name and version, e.g. <c>gold-core v1</c>.</summary>
    public string FeatureSetName { get; }

    /// <summary>The feature set definition's content hash (see <c>FeatureSetDefinition.ContentHash</c>).</summary>
    public string FeatureSetHash { get; }

    /// <summary>The samples to fit on.</summary>
    public TrainingPart Train { get; }

    /// <summary>The samples to tune and select on.</summary>
    public TrainingPart Validation { get; }

    /// <summary>
    /// The held-out samples. Read them through a <see cref="HoldoutTest"/>, which evaluates them once; the property is
    /// public for audits that do not score a model.
    /// </summary>
    public TrainingPart Test { get; }

    /// <summary>What was kept and dropped.</summary>
    public TrainingSetCounts Counts { get; }

    /// <summary>The part with <paramref name="role"/> (Train, Validation or Test).</summary>
    public TrainingPart Part(SplitRole role) => role switch
    {
        SplitRole.Train => Train,
        SplitRole.Validation => Validation,
        SplitRole.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Purged and embargoed samples are not kept."),
    };

    /// <summary>
    /// An ML.NET view of one part with columns <c>Features</c> (float vector of <see cref="FeatureNames"/>.Count),
    /// <c>Label</c> (bool) and <c>Weight</c> (float).
    /// </summary>
    public IDataView ToDataView(MLContext ml, SplitRole role) => TrainingRows.ToDataView(ml, Part(role));

    /// <inheritdoc />
    public override string ToString() =>
        $"{FeatureSetName}, {FeatureNames.Count} features: train {Train.Count} ({Train.Positives} positive), validation {Validation.Count} " +
        $"({Validation.Positives}), test {Test.Count} ({Test.Positives}); {Counts}";
}
