using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// <c>ln(midClose_t / midClose_{t−h})</c>. NaN for the first <c>h</c> bars. A carried-forward flat bar counts as a
/// bar (return 0 across it). See <see cref="FeatureKinds.LogReturn"/>.
/// </summary>
public sealed class LogReturnFeature : IBarFeature
{
    private readonly RollingWindow _closes;

    /// <summary>Creates the feature for a horizon of <paramref name="horizon"/> bars (≥ 1).</summary>
    public LogReturnFeature(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        Horizon = horizon;
        _closes = new RollingWindow(horizon + 1);
        Spec = FeatureSpec.LogReturn(horizon);
        Columns = [$"log_return_{horizon}"];
    }

    /// <summary>Horizon in bars.</summary>
    public int Horizon { get; }

    /// <inheritdoc />
    public FeatureSpec Spec { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public int WarmUpBars => Horizon;

    /// <inheritdoc />
    public void Update(in Bar bar, Span<double> output)
    {
        _closes.Add(bar.MidClose);
        output[0] = _closes.IsFull ? Math.Log(_closes[0] / _closes[Horizon]) : double.NaN;
    }

    /// <inheritdoc />
    public void Reset() => _closes.Clear();
}
