using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// The bar's mean spread divided by its mid close (dimensionless; 1e-4 = one basis point). No warm-up. A flat bar
/// gives the carried quote's relative spread. See <see cref="FeatureKinds.RelativeSpread"/>.
/// </summary>
public sealed class RelativeSpreadFeature : IBarFeature
{
    /// <inheritdoc />
    public FeatureSpec Spec { get; } = FeatureSpec.RelativeSpread();

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; } = ["spread_rel"];

    /// <inheritdoc />
    public int WarmUpBars => 0;

    /// <inheritdoc />
    public void Update(in Bar bar, Span<double> output) => output[0] = bar.SpreadMean / bar.MidClose;

    /// <inheritdoc />
    public void Reset()
    {
    }
}
