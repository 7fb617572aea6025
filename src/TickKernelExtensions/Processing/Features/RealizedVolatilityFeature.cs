using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// Realised volatility <c>sqrt(Σ r_i²)</c> over the last <c>window</c> one-bar log returns of the mid close (not
/// demeaned, not annualised: scale by <c>sqrt(bars per year / window)</c> if needed). NaN for the first
/// <c>window</c> bars. See <see cref="FeatureKinds.RealizedVolatility"/>.
/// </summary>
public sealed class RealizedVolatilityFeature : IBarFeature
{
    private readonly RollingWindow _returns;
    private double _previousClose = double.NaN;

    /// <summary>Creates the feature over <paramref name="window"/> returns (≥ 1).</summary>
    public RealizedVolatilityFeature(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Window = window;
        _returns = new RollingWindow(window);
        Spec = FeatureSpec.RealizedVolatility(window);
        Columns = [$"realized_vol_{window}"];
    }

    /// <summary>Window in returns (bars).</summary>
    public int Window { get; }

    /// <inheritdoc />
    public FeatureSpec Spec { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public int WarmUpBars => Window;

    /// <inheritdoc />
    public void Update(in Bar bar, Span<double> output)
    {
        if (!double.IsNaN(_previousClose))
        {
            _returns.Add(Math.Log(bar.MidClose / _previousClose));
        }
        _previousClose = bar.MidClose;
        if (!_returns.IsFull)
        {
            output[0] = double.NaN;
            return;
        }
        var sum = 0.0;
        for (var age = Window - 1; age >= 0; age--)
        {
            var r = _returns[age];
            sum += r * r;
        }
        output[0] = Math.Sqrt(sum);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _returns.Clear();
        _previousClose = double.NaN;
    }
}
