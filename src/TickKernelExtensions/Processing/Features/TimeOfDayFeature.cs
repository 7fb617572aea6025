using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// Cyclical time of day of the bar's open time (its label, known before the bar closes): with <c>m</c> the UTC
/// minute of day including fractions, <c>tod_sin = sin(2πm/1440)</c> and <c>tod_cos = cos(2πm/1440)</c>. No warm-up.
/// See <see cref="FeatureKinds.TimeOfDay"/>.
/// </summary>
public sealed class TimeOfDayFeature : IBarFeature
{
    private const double MicrosPerMinute = 60_000_000.0;

    /// <inheritdoc />
    public FeatureSpec Spec { get; } = FeatureSpec.TimeOfDay();

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; } = ["tod_sin", "tod_cos"];

    /// <inheritdoc />
    public int WarmUpBars => 0;

    /// <inheritdoc />
    public void Update(in Bar bar, Span<double> output)
    {
        var ofDay = bar.OpenTime % TickTime.MicrosPerDay;
        if (ofDay < 0)
        {
            ofDay += TickTime.MicrosPerDay;
        }
        var angle = 2 * Math.PI * (ofDay / MicrosPerMinute) / 1440.0;
        output[0] = Math.Sin(angle);
        output[1] = Math.Cos(angle);
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
