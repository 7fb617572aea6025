using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// <c>(bidVolume − askVolume) / (bidVolume + askVolume)</c> of the bar, in [−1, 1]. Positive means more volume was
/// quoted on the bid. NaN when either side's volume was not provided by the source (NaN bar volume) or both are 0
/// (carried-forward flat bars). Dukascopy volumes are quoted liquidity, not trades. No warm-up.
/// See <see cref="FeatureKinds.QuoteImbalance"/>.
/// </summary>
public sealed class QuoteImbalanceFeature : IBarFeature
{
    /// <inheritdoc />
    public FeatureSpec Spec { get; } = FeatureSpec.QuoteImbalance();

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; } = ["quote_imbalance"];

    /// <inheritdoc />
    public int WarmUpBars => 0;

    /// <inheritdoc />
    public void Update(in Bar bar, Span<double> output)
    {
        var total = bar.BidVolume + bar.AskVolume;
        output[0] = total > 0 ? (bar.BidVolume - bar.AskVolume) / total : double.NaN;
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
