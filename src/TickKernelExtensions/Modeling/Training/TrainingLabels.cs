using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Binary targets with their label windows <c>[t0, t1]</c> (UTC µs), one per event, in the events' order. Each t0
/// must be the close time of a row of the feature table they are joined to (the moment the features are known).
/// Immutable.
/// </summary>
public sealed class TrainingLabels
{
    private readonly long[] _t0;
    private readonly long[] _t1;
    private readonly bool[] _labels;

    private TrainingLabels(long[] t0, long[] t1, bool[] labels)
    {
        _t0 = t0;
        _t1 = t1;
        _labels = labels;
    }

    /// <summary>Number of events.</summary>
    public int Count => _t0.Length;

    /// <summary>Event times (label window starts), UTC µs.</summary>
    public ReadOnlySpan<long> T0 => _t0;

    /// <summary>Label window ends, UTC µs.</summary>
    public ReadOnlySpan<long> T1 => _t1;

    /// <summary>The binary target: true for the positive class.</summary>
    public ReadOnlySpan<bool> Labels => _labels;

    /// <summary>Labels from columns made elsewhere.</summary>
    /// <exception cref="ModelingException">InvalidInput: mismatched lengths or a window ending before it starts.</exception>
    public static TrainingLabels Create(ReadOnlySpan<long> t0, ReadOnlySpan<long> t1, ReadOnlySpan<bool> labels)
    {
        ModelingChecks.Windows(t0, t1);
        ModelingChecks.SameLength("labels", labels.Length, t0.Length);
        return new TrainingLabels(t0.ToArray(), t1.ToArray(), labels.ToArray());
    }

    /// <summary>Triple-barrier outcomes as "the side paid": label +1 (profit take, or a positive vertical exit) is true.</summary>
    public static TrainingLabels FromTripleBarrier(TripleBarrierLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new TrainingLabels(labels.T0.ToArray(), labels.T1.ToArray(), Positive(labels.Labels));
    }

    /// <summary>Fixed-horizon outcomes as "buying paid beyond the dead zone": label +1 is true, 0 and −1 false.</summary>
    public static TrainingLabels FromFixedHorizon(FixedHorizonLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new TrainingLabels(labels.T0.ToArray(), labels.T1.ToArray(), Positive(labels.Labels));
    }

    private static bool[] Positive(ReadOnlySpan<sbyte> labels)
    {
        var result = new bool[labels.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = labels[i] > 0;
        }
        return result;
    }
}
