using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Modeling.Labels;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;

namespace TickKernelExtensions.Tests.Backtesting.Engine;

/// <summary>Fills on the bid/ask path, hand-computed. EURUSD: 1 lot = 100,000 EUR, P&amp;L in USD directly.</summary>
public sealed class TickBacktesterTests
{
    private const int Digits = 6;

    [Fact]
    public void Run_LongMarketWithLatency_FillsAtAskOfFirstTickStrictlyAfterArrival()
    {
        // Decision at tick 0 (t0), latency 100 ms → arrival t0 + 100 ms. Tick 1 (50 ms) is before it, tick 2 (100 ms)
        // is AT it (not strictly after), so tick 3 (150 ms) fills: buy at its ask 1.10016.
        var ticks = Tape(Monday10,
            (0, 1.10000, 1.10010),
            (50 * Ms, 1.10002, 1.10012),
            (100 * Ms, 1.10004, 1.10014),
            (150 * Ms, 1.10006, 1.10016),
            (1 * Second, 1.10050, 1.10060));
        var options = new BacktestOptions { Latency = TimeSpan.FromMilliseconds(100) };

        var result = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 1)), options);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((TradeSide.Long, 1.0, Monday10 + (150 * Ms), 1.10016), (trade.Side, trade.Lots, trade.EntryTime, trade.EntryPrice));
        // Closed at the end of data on tick 4's bid 1.10050.
        Assert.Equal((Monday10 + Second, 1.10050, "end-of-data"), (trade.ExitTime, trade.ExitPrice, trade.ExitReason));
        // Mid 1.10011 → 1.10055: gross 0.00044 × 100,000 = 44. Spread: half-spreads 0.00005 + 0.00005 → 10. Net 34
        // = (1.10050 − 1.10016) × 100,000.
        Assert.Equal(44.0, trade.GrossPnl, Digits);
        Assert.Equal(10.0, trade.SpreadCost, Digits);
        Assert.Equal(0.0, trade.SlippageCost, Digits);
        Assert.Equal(34.0, trade.NetPnl, Digits);
        Assert.Equal(10_034.0, result.FinalBalance, Digits);
    }

    [Fact]
    public void Run_ShortStopLoss_TriggersOnTheAskAndFillsAtTheGappedQuote()
    {
        // Sell at tick 1's bid 1.10000 with a stop at 1.10100. Tick 2: ask 1.10090 < stop. Tick 3: bid 1.10092 and mid
        // 1.10097 are below the stop, but the ask 1.10102 is at or above it: the short's stop triggers on the ask and
        // fills at that quote, 0.2 pip worse than the stop (a gap through it).
        var ticks = Tape(Monday10,
            (0, 1.10000, 1.10010),
            (1 * Second, 1.10000, 1.10010),
            (2 * Second, 1.10080, 1.10090),
            (3 * Second, 1.10092, 1.10102),
            (4 * Second, 1.10200, 1.10210));

        var result = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Short, 1, stopLoss: 1.10100)));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((TradeSide.Short, 1.10000, Monday10 + (3 * Second), 1.10102, "stop-loss"),
            (trade.Side, trade.EntryPrice, trade.ExitTime, trade.ExitPrice, trade.ExitReason));
        // Mid 1.10005 → 1.10097: a short loses 0.00092 → gross −92; spread 5 + 5 = 10; net −102 = (1.10000 − 1.10102) × 1e5.
        Assert.Equal(-92.0, trade.GrossPnl, Digits);
        Assert.Equal(10.0, trade.SpreadCost, Digits);
        Assert.Equal(-102.0, trade.NetPnl, Digits);
        Assert.Equal(1, result.Counts.StopLosses);
    }

    [Fact]
    public void Run_FixedPointSlippage_MovesMarketFillsAndStopsAgainstTheTrader()
    {
        // Same tape as the stop-loss case with 2 points (0.00002) of slippage: the sell fills at 1.10000 − 0.00002 =
        // 1.09998 and the stop buys back at 1.10102 + 0.00002 = 1.10104. Slippage 2 + 2 points = 4 USD; net −106.
        var ticks = Tape(Monday10,
            (0, 1.10000, 1.10010),
            (1 * Second, 1.10000, 1.10010),
            (3 * Second, 1.10092, 1.10102));
        var options = new BacktestOptions { Slippage = SlippageModel.FixedPoints(2) };

        var trade = Assert.Single(TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Short, 1, stopLoss: 1.10100)), options).Trades);

        Assert.Equal((1.09998, 1.10104), (Math.Round(trade.EntryPrice, 6), Math.Round(trade.ExitPrice, 6)));
        Assert.Equal(4.0, trade.SlippageCost, Digits);
        Assert.Equal(-106.0, trade.NetPnl, Digits);
    }

    [Fact]
    public void Run_SpreadFractionSlippage_IsHalfTheSpreadOnEachMarketFill()
    {
        // Spread 1 pip on both ticks; half of it = 0.00005 per fill. Buy 1.10010 + 0.00005 = 1.10015; end-of-data sell
        // at 1.10040 − 0.00005 = 1.10035. Slippage 5 + 5 = 10 USD; net (1.10035 − 1.10015) × 1e5 = 20.
        var ticks = Tape(Monday10, (0, 1.10000, 1.10010), (1 * Second, 1.10000, 1.10010), (2 * Second, 1.10040, 1.10050));
        var options = new BacktestOptions { Slippage = SlippageModel.SpreadFraction(0.5) };

        var trade = Assert.Single(TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 1)), options).Trades);

        Assert.Equal(10.0, trade.SlippageCost, Digits);
        Assert.Equal(20.0, trade.NetPnl, Digits);
    }

    [Fact]
    public void Run_LongTakeProfit_TriggersOnTheBidAndFillsAtThatQuote()
    {
        // Buy at tick 1's ask 1.10010, target 1.10100. Tick 2's ask 1.10105 passes the target but its bid 1.10095 does
        // not: a long takes profit on the bid. Tick 3's bid 1.10103 does: it fills at that quote (better than the
        // target on this gap), without slippage. Net (1.10103 − 1.10010) × 1e5 = 93.
        var ticks = Tape(Monday10,
            (0, 1.10000, 1.10010),
            (1 * Second, 1.10000, 1.10010),
            (2 * Second, 1.10095, 1.10105),
            (3 * Second, 1.10103, 1.10113),
            (4 * Second, 1.10000, 1.10010));
        var options = new BacktestOptions { Slippage = SlippageModel.FixedPoints(3) };

        var result = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 1, takeProfit: 1.10100)), options);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((Monday10 + (3 * Second), 1.10103, "take-profit"), (trade.ExitTime, trade.ExitPrice, trade.ExitReason));
        // Entry slipped 3 points (1.10013), the take-profit did not: net (1.10103 − 1.10013) × 1e5 = 90.
        Assert.Equal(90.0, trade.NetPnl, Digits);
        Assert.Equal(3.0, trade.SlippageCost, Digits);
        Assert.Equal(1, result.Counts.TakeProfits);
    }

    [Fact]
    public void Run_BuyLimit_FillsWhenTheAskCrossesNotTheMid()
    {
        // Buy limit 1.09950. Tick 2's mid is 1.09950 but its ask 1.09955 is above the limit: no fill. Tick 3's ask
        // 1.09948 ≤ limit: filled at that ask (the limit or better). End of data at tick 4's bid 1.10000: net
        // (1.10000 − 1.09948) × 1e5 = 52.
        var ticks = Tape(Monday10,
            (0, 1.10000, 1.10010),
            (1 * Second, 1.09960, 1.09970),
            (2 * Second, 1.09945, 1.09955),
            (3 * Second, 1.09938, 1.09948),
            (4 * Second, 1.10000, 1.10010));
        var options = new BacktestOptions { Slippage = SlippageModel.FixedPoints(5) };

        var trade = Assert.Single(TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Limit(TradeSide.Long, 1.09950, 1)),
            options with { Slippage = SlippageModel.None }).Trades);

        Assert.Equal((Monday10 + (3 * Second), 1.09948), (trade.EntryTime, trade.EntryPrice));
        Assert.Equal(52.0, trade.NetPnl, Digits);
        // With slippage the limit entry still fills at the ask (limits never slip); only the closing sell slips 5 points.
        var slipped = Assert.Single(TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Limit(TradeSide.Long, 1.09950, 1)), options).Trades);
        Assert.Equal(1.09948, slipped.EntryPrice);
        Assert.Equal(47.0, slipped.NetPnl, Digits);
    }

    [Fact]
    public void Run_LimitExpiringOrCancelledBeforeTheCross_NeverFills()
    {
        // Buy limit 1.09950 good for 2.5 s: the ask reaches it only at 3 s (tick 3), after the expiry → expired. A
        // second limit, cancelled at 1 s (the cancel arrives and acts on tick 2), is gone before the cross → cancelled.
        var ticks = Tape(Monday10,
            (0, 1.10000, 1.10010),
            (1 * Second, 1.09980, 1.09990),
            (2 * Second, 1.09960, 1.09970),
            (3 * Second, 1.09938, 1.09948),
            (4 * Second, 1.09938, 1.09948));
        var expiring = Once(OrderRequest.Limit(TradeSide.Long, 1.09950, 1) with { Expiry = Monday10 + 2_500 * Ms });
        var cancelled = new CallbackStrategy((in TickWindow w, Account _, OrderList orders) =>
        {
            if (w.Count == 1)
            {
                orders.Add(OrderRequest.Limit(TradeSide.Long, 1.09950, 1));
            }
            else if (w.Count == 2)
            {
                orders.Add(OrderRequest.CancelPending());
            }
        });

        var first = TickBacktester.Run("EURUSD", ticks, expiring);
        var second = TickBacktester.Run("EURUSD", ticks, cancelled);

        Assert.Empty(first.Trades);
        Assert.Equal((1, 0), (first.Counts.Expired, first.Counts.Cancelled));
        Assert.Empty(second.Trades);
        Assert.Equal((0, 1, 0), (second.Counts.Expired, second.Counts.Cancelled, second.Counts.Unfilled));
    }

    [Fact]
    public void Run_StrategyActsOnTheTickItSees_GetsTheNextTicksPriceAndNeverSeesAhead()
    {
        // The strategy buys on tick 0, whose ask is 1.10010. Tick 1 has the same microsecond (not strictly after the
        // decision), so the fill is tick 2's ask 1.10030: no order can trade on the quote it was decided on.
        var ticks = Tape(Monday10, (0, 1.10000, 1.10010), (0, 1.10005, 1.10015), (1, 1.10020, 1.10030), (2 * Second, 1.10020, 1.10030));
        var calls = 0;
        var violations = new List<string>();
        var strategy = new CallbackStrategy((in TickWindow w, Account account, OrderList orders) =>
        {
            calls++;
            if (w.Count != calls || w.Time != ticks.Timestamps[calls - 1] || w.Ask != ticks.Asks[calls - 1])
            {
                violations.Add($"call {calls}: window of {w.Count} ending at {w.Time}");
            }
            try
            {
                _ = w.Times[w.Count];
                violations.Add($"call {calls}: a later tick was readable");
            }
            catch (IndexOutOfRangeException)
            {
            }
            if (calls == 1)
            {
                orders.Add(OrderRequest.Market(TradeSide.Long, 1));
            }
        });

        var result = TickBacktester.Run("EURUSD", ticks, strategy);

        Assert.Empty(violations);
        Assert.Equal(4, calls);
        var trade = Assert.Single(result.Trades);
        Assert.Equal((Monday10 + 1, 1.10030), (trade.EntryTime, trade.EntryPrice));
    }

    [Fact]
    public void Run_BarStrategy_GetsEachBarOnTheTickThatClosesItWithoutLaterTicks()
    {
        // Ticks every 20 s for 5 minutes: bars close on the first tick at or after each minute boundary, and the
        // window at that call ends exactly there.
        var tape = new List<(long, double, double)>();
        for (var s = 0; s < 300; s += 20)
        {
            tape.Add((s * Second, 1.1 + (s * 1e-6), 1.1001 + (s * 1e-6)));
        }
        var ticks = Tape(Monday10, [.. tape]);
        var seen = new List<(long Close, long Clock, int Count)>();
        var strategy = new CallbackStrategy(onBar: (in TickKernelExtensions.Processing.Bars.Bar bar, in TickWindow w, Account _, OrderList _) =>
            seen.Add((bar.CloseTime, w.Time, w.Count)));

        var result = TickBacktester.Run("EURUSD", ticks, strategy);

        Assert.Equal(4, result.Counts.Bars);
        for (var k = 0; k < seen.Count; k++)
        {
            var boundary = Monday10 + ((k + 1) * 60 * Second);
            Assert.Equal(boundary, seen[k].Clock);
            Assert.True(seen[k].Close <= seen[k].Clock);
            Assert.Equal(((k + 1) * 3) + 1, seen[k].Count);
        }
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(199, 200)]
    [InlineData(200, 300)]
    [InlineData(250, 300)]
    public void Run_Latency_MovesTheFillToTheFirstTickAfterDecisionPlusLatency(int latencyMs, int fillMs)
    {
        var ticks = Tape(Monday10,
            (0, 1.10000, 1.10010), (100 * Ms, 1.10001, 1.10011), (200 * Ms, 1.10002, 1.10012),
            (300 * Ms, 1.10003, 1.10013), (400 * Ms, 1.10004, 1.10014));
        var options = new BacktestOptions { Latency = TimeSpan.FromMilliseconds(latencyMs) };

        var trade = Assert.Single(TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 1)), options).Trades);

        Assert.Equal(Monday10 + (fillMs * Ms), trade.EntryTime);
        Assert.Equal(1.10010 + (fillMs / 100 * 0.00001), trade.EntryPrice, 9);
    }

    [Fact]
    public void Run_JitteredLatency_IsSeededAndStaysWithinItsRange()
    {
        var ticks = RandomWalk(2_000);
        var fills = new List<long>();
        for (var seed = 1UL; seed <= 20; seed++)
        {
            var options = new BacktestOptions { Latency = TimeSpan.FromSeconds(1), LatencyJitter = TimeSpan.FromSeconds(3), Seed = seed };
            var first = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 1), atTick: 10), options).Trades[0];
            var again = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 1), atTick: 10), options).Trades[0];
            Assert.Equal(first, again);
            var decision = ticks.Timestamps[10];
            var earliest = FirstAfter(ticks, decision + Second);
            var latest = FirstAfter(ticks, decision + (4 * Second));
            Assert.InRange(first.EntryTime, earliest, latest);
            fills.Add(first.EntryTime);
        }
        Assert.True(fills.Distinct().Count() > 1, "twenty seeds should not all draw the same delay");
    }

    [Fact]
    public void Run_SameInputsTwice_IdenticalTradesAndEquity()
    {
        var ticks = RandomWalk(200_000, seed: 11);
        var options = new BacktestOptions
        {
            Latency = TimeSpan.FromMilliseconds(50), LatencyJitter = TimeSpan.FromMilliseconds(200), Seed = 5,
            Slippage = SlippageModel.SpreadFraction(0.25), CommissionPerLot = 3.5, SwapLongPerLot = 1.2, SwapShortPerLot = -0.4,
            EquityEveryTicks = 500,
        };

        var a = TickBacktester.Run("EURUSD", ticks, Alternating(500), options);
        var b = TickBacktester.Run("EURUSD", ticks, Alternating(500), options);

        Assert.True(a.Trades.Count > 50);
        Assert.Equal(a.Trades, b.Trades);
        Assert.Equal(a.Equity.Times.ToArray(), b.Equity.Times.ToArray());
        Assert.Equal(a.Equity.Equity.ToArray(), b.Equity.Equity.ToArray());
        Assert.Equal(a.Counts, b.Counts);
        // Every cost is on some trade and the ledger adds up: initial + Σ net = final balance.
        Assert.Equal(a.FinalBalance, options.InitialBalance + a.Trades.Sum(t => t.NetPnl), 6);
        Assert.Equal(a.FinalBalance, a.Equity.Equity[^1], 6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_FastPathAndCheckEveryTick_GiveIdenticalResults(int seed)
    {
        // The hot loop only leaves its fast path when a precomputed trigger is crossed; the reference path checks every
        // tick. A busy seeded strategy (every order kind, stops, limits with expiry, cancels), leverage 100 on 2,000
        // (margin rejections), swap at a rollover (the tape crosses 22:00 UTC) and jittered latency: both paths agree to the bit.
        var ticks = RandomWalk(120_000, seed: seed + 20);
        var options = new BacktestOptions
        {
            InitialBalance = 2_000, Leverage = 100, Latency = TimeSpan.FromMilliseconds(80), LatencyJitter = TimeSpan.FromMilliseconds(400),
            Seed = (ulong)seed, Slippage = SlippageModel.SpreadFraction(0.1), CommissionPerLot = 3, SwapLongPerLot = 1.5, SwapShortPerLot = -0.5,
            EquityEveryTicks = 1_000,
        };

        var fast = TickBacktester.Run("EURUSD", ticks, Busy(seed), options);
        var reference = TickBacktester.Run("EURUSD", ticks, Busy(seed), options with { CheckEveryTick = true });

        Assert.True(fast.Trades.Count > 100, $"only {fast.Trades.Count} trades");
        Assert.True(fast.Counts.StopLosses > 0 && fast.Counts.TakeProfits > 0 && fast.Counts.Expired + fast.Counts.Cancelled > 0 && fast.Counts.Rollovers > 0, fast.Counts.ToString());
        Assert.Equal(reference.Trades, fast.Trades);
        Assert.Equal(reference.Counts, fast.Counts);
        Assert.Equal(reference.Equity.Times.ToArray(), fast.Equity.Times.ToArray());
        Assert.Equal(reference.Equity.Equity.ToArray(), fast.Equity.Equity.ToArray());
        Assert.Equal(fast.FinalBalance, options.InitialBalance + fast.Trades.Sum(t => t.NetPnl), 6);
    }

    private static long FirstAfter(TickKernelExtensions.Market.TickColumns ticks, long time)
    {
        foreach (var t in ticks.Timestamps)
        {
            if (t > time)
            {
                return t;
            }
        }
        return long.MaxValue;
    }
}
