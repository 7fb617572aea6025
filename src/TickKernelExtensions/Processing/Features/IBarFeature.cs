using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// An online (incremental) feature over one instrument's bar stream: each <see cref="Update"/> consumes the next
/// bar and writes this feature's values for it. A value may use the current bar and earlier ones only, so it is
/// known at the bar's <see cref="Bar.CloseTime"/> (causal by construction). Values are NaN during warm-up (until the
/// window is full) and where an input is missing. The same instance type runs offline over a table and in the
/// serving host over streamed bars. Holds per-instrument state; not thread safe.
/// </summary>
public interface IBarFeature
{
    /// <summary>The spec this feature was built from.</summary>
    FeatureSpec Spec { get; }

    /// <summary>Names of the output columns, in the order <see cref="Update"/> writes them.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Bars consumed before the first non-NaN value (0 = a value from the first bar).</summary>
    int WarmUpBars { get; }

    /// <summary>Consumes <paramref name="bar"/> and writes <see cref="Columns"/>.Count values into <paramref name="output"/>.</summary>
    void Update(in Bar bar, Span<double> output);

    /// <summary>Forgets all state (a fresh warm-up follows).</summary>
    void Reset();
}
