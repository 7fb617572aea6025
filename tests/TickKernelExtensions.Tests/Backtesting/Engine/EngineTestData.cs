using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Backtesting.Engine;

/// <summary>Hand-written tick tapes and small strategies for the engine's golden cases.</summary>
internal static class EngineTestData
{
    /// <summary>Monday 2026-11-30 10:00 UTC (New York is on EST: UTC−5, so the rollover is 22:00 UTC).</summary>
    public static readonly long Monday10 = TickTime.ToMicros(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc));

    public const long Ms = 1_000;
    public const long Second = 1_000_000;

    /// <summary>Ticks at <paramref name="start"/> + offset µs.</summary>
    public static TickColumns Tape(long start, params (long Offset, double Bid, double Ask)[] ticks)
    {
        var columns = new TickColumns(ticks.Length);
        foreach (var (offset, bid, ask) in ticks)
        {
            columns.Add(start + offset, bid, ask, 1f, 1f);
        }
        return columns;
    }

    /// <summary>A strategy that submits <paramref name="order"/> once, on tick <paramref name="atTick"/> (0-based).</summary>
    public static CallbackStrategy Once(OrderRequest order, int atTick = 0) =>
        new((in TickWindow w, Account _, OrderList orders) =>
        {
            if (w.Count == atTick + 1)
            {
                orders.Add(order);
            }
        });

    /// <summary>A seeded random walk of EURUSD quotes: a tick every 100–900 ms, steps of ±1 point, spread 0.5–2 pips.</summary>
    public static TickColumns RandomWalk(int count, int seed = 7, long start = 0)
    {
        var random = new Random(seed);
        var ticks = new TickColumns(count);
        var t = start == 0 ? Monday10 : start;
        var mid = 1.10000;
        for (var i = 0; i < count; i++)
        {
            t += (100 + random.Next(800)) * Ms;
            mid += (random.Next(3) - 1) * 0.00001;
            var half = (5 + random.Next(16)) * 0.000005;
            ticks.Add(t, Math.Round(mid - half, 6), Math.Round(mid + half, 6), 1f, 1f);
        }
        return ticks;
    }

    /// <summary>
    /// A plain tick strategy for volume tests: every <paramref name="every"/> ticks, when flat, enters alternately
    /// long and short with a stop and a target <paramref name="distance"/> away from the fill.
    /// </summary>
    public static CallbackStrategy Alternating(int every = 1000, double distance = 0.0002)
    {
        var n = 0;
        var side = TickKernelExtensions.Modeling.Labels.TradeSide.Long;
        return new CallbackStrategy((in TickWindow w, Account account, OrderList orders) =>
        {
            if (++n % every != 0 || account.Positions.Count > 0 || account.PendingEntries > 0)
            {
                return;
            }
            orders.Add(OrderRequest.Market(side, 1) with { StopLossDistance = distance, TakeProfitDistance = distance });
            side = side == TickKernelExtensions.Modeling.Labels.TradeSide.Long ? TickKernelExtensions.Modeling.Labels.TradeSide.Short : TickKernelExtensions.Modeling.Labels.TradeSide.Long;
        });
    }

    /// <summary>
    /// A seeded busy strategy exercising every order kind: market entries with stops and targets, limits with expiry,
    /// closes by id and of everything, cancels. A new instance (and generator) per run.
    /// </summary>
    public static CallbackStrategy Busy(int seed)
    {
        var random = new Random(seed);
        return new CallbackStrategy((in TickWindow w, Account account, OrderList orders) =>
        {
            var roll = random.Next(1000);
            var side = random.Next(2) == 0 ? TickKernelExtensions.Modeling.Labels.TradeSide.Long : TickKernelExtensions.Modeling.Labels.TradeSide.Short;
            var s = (int)side;
            var lots = 0.1 * (1 + random.Next(10));
            if (roll < 3)
            {
                orders.Add(OrderRequest.Market(side, lots) with { StopLossDistance = 0.0001 * (1 + random.Next(5)), TakeProfitDistance = 0.0001 * (1 + random.Next(5)) });
            }
            else if (roll < 6)
            {
                var limit = (side == TickKernelExtensions.Modeling.Labels.TradeSide.Long ? w.Ask : w.Bid) - (s * 0.00001 * random.Next(20));
                orders.Add(OrderRequest.Limit(side, Math.Round(limit, 5), lots, stopLoss: Math.Round(limit - (s * 0.0003), 5)) with { Expiry = w.Time + (60 * Second) });
            }
            else if (roll < 7 && account.Positions.Count > 0)
            {
                orders.Add(OrderRequest.Close(account.Positions[random.Next(account.Positions.Count)].Id));
            }
            else if (roll < 8)
            {
                orders.Add(OrderRequest.CancelPending());
            }
            else if (roll < 9)
            {
                orders.Add(OrderRequest.Close());
            }
        });
    }
}
