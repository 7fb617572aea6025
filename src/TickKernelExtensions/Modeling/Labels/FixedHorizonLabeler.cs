using TickKernelExtensions.Market;

namespace TickKernelExtensions.Modeling.Labels;

/// <summary>
/// Fixed-horizon labels, bid/ask correct: at the quote in force at t0 and at <c>t0 + Horizon</c>, a long buys at
/// the ask and sells at the bid, a short sells at the bid and buys back at the ask. The label is +1 when the long's
/// return exceeds the dead zone, −1 when the short's does, else 0 (the spread alone makes a flat market 0).
/// Pure function of its inputs; thread safe.
/// </summary>
public static class FixedHorizonLabeler
{
    /// <summary>Labels one event per row of <paramref name="eventTimes"/> (UTC µs, any order).</summary>
    /// <exception cref="ModelingException">
    /// InvalidOptions; InvalidInput for unordered ticks or a non-positive price; OutOfRange for an event before the
    /// first tick or whose horizon ends after the last.
    /// </exception>
    public static FixedHorizonLabels Label(TickColumns ticks, ReadOnlySpan<long> eventTimes, FixedHorizonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ModelingChecks.Ticks(ticks);
        ReadOnlySpan<long> ts = ticks.Timestamps;
        ReadOnlySpan<double> bids = ticks.Bids;
        ReadOnlySpan<double> asks = ticks.Asks;
        var result = new FixedHorizonLabels(eventTimes.Length);
        for (var i = 0; i < eventTimes.Length; i++)
        {
            var t0 = eventTimes[i];
            var t1 = t0 + options.HorizonMicros;
            var e = ModelingChecks.Entry(ts, i, t0, t1, "eventTimes");
            var x = ModelingChecks.QuoteAt(ts, t1);
            var longReturn = TripleBarrierLabeler.SideReturn(TradeSide.Long,
                ModelingChecks.Price(asks[e], "ticks.Asks", e), ModelingChecks.Price(bids[x], "ticks.Bids", x));
            var shortReturn = TripleBarrierLabeler.SideReturn(TradeSide.Short,
                ModelingChecks.Price(bids[e], "ticks.Bids", e), ModelingChecks.Price(asks[x], "ticks.Asks", x));
            sbyte label = longReturn > options.DeadZone ? (sbyte)1 : shortReturn > options.DeadZone ? (sbyte)-1 : (sbyte)0;
            result.Set(i, t0, t1, label, longReturn, shortReturn);
        }
        return result;
    }
}
