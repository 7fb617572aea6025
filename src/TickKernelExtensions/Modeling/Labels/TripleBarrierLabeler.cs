using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Modeling.Labels;

/// <summary>
/// Triple-barrier labels (López de Prado, AFML ch. 3) on the bid/ask path of the ticks. A position enters at the
/// quote in force at the event time t0 (the last tick at or before t0: the ask for a long, the bid for a short) and is
/// marked to the price it could exit at (the bid for a long, the ask for a short) on every later tick up to
/// <c>t0 + MaxHolding</c> inclusive. The first tick whose exit return reaches the profit-take or stop-loss barrier
/// ends the window; otherwise the vertical barrier does, at the quote in force at <c>t0 + MaxHolding</c>.
/// Pure function of its inputs; thread safe.
/// </summary>
public static class TripleBarrierLabeler
{
    /// <summary>
    /// Labels one event per row of <paramref name="eventTimes"/> (UTC µs, any order). <paramref name="targets"/>
    /// holds one positive volatility target (a return) per event under <see cref="BarrierScale.Volatility"/>, and
    /// must be empty under <see cref="BarrierScale.Price"/>.
    /// </summary>
    /// <exception cref="ModelingException">
    /// InvalidOptions for bad options; InvalidInput for mismatched columns, unordered ticks, a side other than ±1, a
    /// non-positive target or price; OutOfRange for an event before the first tick or whose vertical barrier is after the last.
    /// </exception>
    public static TripleBarrierLabels Label(TickColumns ticks, ReadOnlySpan<long> eventTimes, ReadOnlySpan<TradeSide> sides,
        ReadOnlySpan<double> targets, TripleBarrierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ModelingChecks.Ticks(ticks);
        ModelingChecks.SameLength("sides", sides.Length, eventTimes.Length);
        ModelingChecks.SameLength("targets", targets.Length, options.Scale == BarrierScale.Volatility ? eventTimes.Length : 0);

        ReadOnlySpan<long> ts = ticks.Timestamps;
        ReadOnlySpan<double> bids = ticks.Bids;
        ReadOnlySpan<double> asks = ticks.Asks;
        var result = new TripleBarrierLabels(eventTimes.Length);
        for (var i = 0; i < eventTimes.Length; i++)
        {
            var side = ModelingChecks.Side(sides[i], i);
            var t0 = eventTimes[i];
            var vertical = t0 + options.MaxHoldingMicros;
            var e = ModelingChecks.Entry(ts, i, t0, vertical, "eventTimes");
            var longSide = side == TradeSide.Long;
            var entry = ModelingChecks.Price(longSide ? asks[e] : bids[e], longSide ? "ticks.Asks" : "ticks.Bids", e);
            var (up, down) = Widths(options, targets, i, entry);
            var s = (double)(sbyte)side;

            var barrier = BarrierKind.Vertical;
            var exitTick = -1;
            for (var j = e + 1; j < ts.Length && ts[j] <= vertical; j++)
            {
                // The side's profit in price: long sells at the bid, short buys back at the ask.
                var pnl = s * ((longSide ? bids[j] : asks[j]) - entry);
                if (pnl >= up)
                {
                    barrier = BarrierKind.ProfitTake;
                }
                else if (pnl <= -down)
                {
                    barrier = BarrierKind.StopLoss;
                }
                else
                {
                    continue;
                }
                exitTick = j;
                break;
            }

            var t1 = exitTick >= 0 ? ts[exitTick] : vertical;
            if (exitTick < 0)
            {
                exitTick = ModelingChecks.QuoteAt(ts, vertical);
            }
            var exitField = longSide ? "ticks.Bids" : "ticks.Asks";
            var exit = ModelingChecks.Price(longSide ? bids[exitTick] : asks[exitTick], exitField, exitTick);
            var ret = SideReturn(side, entry, exit);
            sbyte label = barrier switch
            {
                BarrierKind.ProfitTake => 1,
                BarrierKind.StopLoss => -1,
                _ => options.VerticalLabel == VerticalLabel.Zero ? (sbyte)0 : (sbyte)Math.Sign(ret),
            };
            result.Set(i, t0, t1, side, label, ret, barrier, entry, exit);
        }
        return result;
    }

    /// <summary>The side's return from entry to exit: long <c>exit/entry − 1</c>, short <c>1 − exit/entry</c>.</summary>
    public static double SideReturn(TradeSide side, double entry, double exit) =>
        side == TradeSide.Long ? (exit / entry) - 1.0 : 1.0 - (exit / entry);

    // Barrier distances in price units from the entry price; a return target r becomes r × entry.
    private static (double Up, double Down) Widths(TripleBarrierOptions options, ReadOnlySpan<double> targets, int i, double entry)
    {
        if (options.Scale == BarrierScale.Price)
        {
            return (options.ProfitTake, options.StopLoss);
        }
        var target = targets[i];
        if (!double.IsFinite(target) || target <= 0)
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, "A volatility target must be positive and finite: a zero target makes a zero-width barrier.")
            {
                Field = "targets",
                Row = i,
                Expected = "a positive finite return",
                Actual = target.ToString(CultureInfo.InvariantCulture),
            };
        }
        return (options.ProfitTake * target * entry, options.StopLoss * target * entry);
    }
}
