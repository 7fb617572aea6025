using TickKernelExtensions.Modeling.Splits;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// The samples of one split part, columnar: a row-major float feature matrix, the binary labels, the example weights,
/// the label windows and the feature-table row each sample came from, in t0 order. Immutable.
/// </summary>
public sealed class TrainingPart
{
    private readonly float[] _features;
    private readonly bool[] _labels;
    private readonly float[] _weights;
    private readonly long[] _t0;
    private readonly long[] _t1;
    private readonly int[] _rows;

    internal TrainingPart(SplitRole role, int featureCount, float[] features, bool[] labels, float[] weights, long[] t0, long[] t1, int[] rows)
    {
        Role = role;
        FeatureCount = featureCount;
        _features = features;
        _labels = labels;
        _weights = weights;
        _t0 = t0;
        _t1 = t1;
        _rows = rows;
        Positives = labels.Count(l => l);
    }

    /// <summary>Which part this is (a concatenation of train and validation reports <see cref="SplitRole.Train"/>).</summary>
    public SplitRole Role { get; }

    /// <summary>Number of samples.</summary>
    public int Count => _labels.Length;

    /// <summary>Length of every feature vector.</summary>
    public int FeatureCount { get; }

    /// <summary>Samples whose label is true.</summary>
    public int Positives { get; }

    /// <summary>The feature matrix, row-major: sample i is <c>[i × FeatureCount, (i + 1) × FeatureCount)</c>.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>The binary labels.</summary>
    public ReadOnlySpan<bool> Labels => _labels;

    /// <summary>The example weights (1 when weights are off).</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Label window starts (the feature rows' close times), UTC µs.</summary>
    public ReadOnlySpan<long> T0 => _t0;

    /// <summary>Label window ends, UTC µs.</summary>
    public ReadOnlySpan<long> T1 => _t1;

    /// <summary>The feature-table row of each sample.</summary>
    public ReadOnlySpan<int> Rows => _rows;

    /// <summary>The feature vector of sample <paramref name="i"/>.</summary>
    public ReadOnlySpan<float> Row(int i) => _features.AsSpan(i * FeatureCount, FeatureCount);

    /// <summary>A copy with column <paramref name="feature"/> replaced (used by permutation importance and audits).</summary>
    internal TrainingPart WithColumn(int feature, ReadOnlySpan<float> values)
    {
        var features = (float[])_features.Clone();
        for (var i = 0; i < Count; i++)
        {
            features[(i * FeatureCount) + feature] = values[i];
        }
        return new TrainingPart(Role, FeatureCount, features, _labels, _weights, _t0, _t1, _rows);
    }

    /// <summary>Column <paramref name="feature"/> as a new array.</summary>
    internal float[] ColumnCopy(int feature)
    {
        var column = new float[Count];
        for (var i = 0; i < Count; i++)
        {
            column[i] = _features[(i * FeatureCount) + feature];
        }
        return column;
    }

    /// <summary>This part followed by <paramref name="next"/> (train + validation for a refit).</summary>
    internal TrainingPart Concat(TrainingPart next) =>
        new(Role, FeatureCount, [.. _features, .. next._features], [.. _labels, .. next._labels], [.. _weights, .. next._weights],
            [.. _t0, .. next._t0], [.. _t1, .. next._t1], [.. _rows, .. next._rows]);
}
