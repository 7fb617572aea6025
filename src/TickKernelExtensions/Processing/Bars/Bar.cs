namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// One bar as a value: the row of <see cref="BarColumns"/> streamed into feature calculators (and, later, into the
/// serving host). Units and conventions are those of <see cref="BarColumns"/>: UTC µs times, price units, volumes
/// in millions of base units (NaN = not provided).
/// </summary>
/// <param name="OpenTime">Bar label, UTC µs.</param>
/// <param name="CloseTime">When the bar is final, UTC µs.</param>
/// <param name="TickCount">Ticks in the bar (0 = carried-forward flat bar).</param>
/// <param name="BidOpen">Bid open.</param>
/// <param name="BidHigh">Bid high.</param>
/// <param name="BidLow">Bid low.</param>
/// <param name="BidClose">Bid close.</param>
/// <param name="AskOpen">Ask open.</param>
/// <param name="AskHigh">Ask high.</param>
/// <param name="AskLow">Ask low.</param>
/// <param name="AskClose">Ask close.</param>
/// <param name="MidOpen">Mid open.</param>
/// <param name="MidHigh">Mid high.</param>
/// <param name="MidLow">Mid low.</param>
/// <param name="MidClose">Mid close.</param>
/// <param name="SpreadMean">Mean spread.</param>
/// <param name="SpreadMin">Smallest spread.</param>
/// <param name="SpreadMax">Largest spread.</param>
/// <param name="BidVolume">Bid volume sum.</param>
/// <param name="AskVolume">Ask volume sum.</param>
public readonly record struct Bar(
    long OpenTime,
    long CloseTime,
    int TickCount,
    double BidOpen,
    double BidHigh,
    double BidLow,
    double BidClose,
    double AskOpen,
    double AskHigh,
    double AskLow,
    double AskClose,
    double MidOpen,
    double MidHigh,
    double MidLow,
    double MidClose,
    double SpreadMean,
    double SpreadMin,
    double SpreadMax,
    double BidVolume,
    double AskVolume)
{
    /// <summary>
    /// The flat bar that carries <paramref name="previous"/>'s closing quote into an interval without ticks:
    /// every bid/ask/mid price equals the previous close, spreads equal the previous closing spread, no ticks, and
    /// volumes 0 (Dukascopy's own flat candles: O = H = L = C = last close, V = 0).
    /// </summary>
    public static Bar Flat(in Bar previous, long openTime, long closeTime)
    {
        var b = previous.BidClose;
        var a = previous.AskClose;
        var m = previous.MidClose;
        var s = a - b;
        return new Bar(openTime, closeTime, 0, b, b, b, b, a, a, a, a, m, m, m, m, s, s, s, 0, 0);
    }
}
