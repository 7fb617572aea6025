using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;

namespace TickKernelExtensions.Tests.Backtesting.Engine;

/// <summary>Commission, swap, margin, sizing and currency conversion, hand-computed.</summary>
public sealed class TickBacktesterAccountTests
{
    private const int Digits = 6;

    private static long Utc(int day, int hour, int minute = 0, int second = 0) =>
        TickTime.ToMicros(new DateTime(2026, 12, day, hour, minute, second, DateTimeKind.Utc));

    [Fact]
    public void Run_CommissionAndSwapOverTuesdayAndWednesdayRollovers_ChargesOneAndThreeNights()
    {
        // New York is on EST in December (UTC−5): rollovers at 22:00 UTC. Buy 2 lots Tuesday 1 Dec 21:00:01 at the ask
        // 1.10010; hold to Thursday 3 Dec 12:00 (end of data, bid 1.10100). Rollovers passed: Tuesday 22:00 (charged on
        // the 22:30 tick: 1 night) and Wednesday 22:00 (a tick exactly at the instant counts: 3 nights, the triple).
        // Swap 2 lots × 4 nights × 2.00 = 16. Commission 2 lots × 3.50 × 2 sides = 14.
        // Gross: mid 1.10005 → 1.10105 = 0.001 × 200,000 = 200; spread 0.00005 × 2 × 200,000 = 20.
        // Net 200 − 20 − 14 − 16 = 150 = (1.10100 − 1.10010) × 200,000 − 14 − 16.
        var ticks = new TickColumns();
        ticks.Add(Utc(1, 21), 1.10000, 1.10010, 1, 1);
        ticks.Add(Utc(1, 21, 0, 1), 1.10000, 1.10010, 1, 1);
        ticks.Add(Utc(1, 22, 30), 1.10020, 1.10030, 1, 1);
        ticks.Add(Utc(2, 10), 1.10040, 1.10050, 1, 1);
        ticks.Add(Utc(2, 22), 1.10040, 1.10050, 1, 1);
        ticks.Add(Utc(3, 12), 1.10100, 1.10110, 1, 1);
        var options = new BacktestOptions { CommissionPerLot = 3.5, SwapLongPerLot = 2.0, SwapShortPerLot = 99 };

        var result = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 2)), options);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(200.0, trade.GrossPnl, Digits);
        Assert.Equal(20.0, trade.SpreadCost, Digits);
        Assert.Equal(14.0, trade.Commission, Digits);
        Assert.Equal(16.0, trade.Swap, Digits);
        Assert.Equal(150.0, trade.NetPnl, Digits);
        Assert.Equal(10_150.0, result.FinalBalance, Digits);
        Assert.Equal(2, result.Counts.Rollovers);
        // Equity right after the Tuesday rollover (22:30 tick): 10,000 − 7 entry commission − 4 swap + (1.10020 −
        // 1.10010) × 200,000 = 10,009.
        var at = result.Equity.Times.IndexOf(Utc(1, 22, 30));
        Assert.Equal(10_009.0, result.Equity.Equity[at], Digits);
    }

    [Fact]
    public void Run_PositionHeldOverAWeekend_PaysFridayButNotSaturdayOrSunday()
    {
        // Short 1 lot Thursday 3 Dec 21:00 → Monday 7 Dec 10:00. Rollovers: Thursday 22:00 (1), Friday 22:00 (1; the
        // instant is passed only by Sunday's first tick), Saturday and Sunday (local days: none). 2 nights × −0.5
        // (a short earning swap) = −1: the trade's swap is −1 and it adds 1 to the net.
        var ticks = new TickColumns();
        ticks.Add(Utc(3, 21), 1.10000, 1.10010, 1, 1);
        ticks.Add(Utc(3, 21, 0, 1), 1.10000, 1.10010, 1, 1);
        ticks.Add(Utc(4, 21, 59), 1.10000, 1.10010, 1, 1);
        ticks.Add(Utc(6, 22, 5), 1.10000, 1.10010, 1, 1);
        ticks.Add(Utc(7, 10), 1.10000, 1.10010, 1, 1);
        var options = new BacktestOptions { SwapShortPerLot = -0.5 };

        var result = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Short, 1)), options);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(-1.0, trade.Swap, Digits);
        Assert.Equal(-10.0 + 1.0, trade.NetPnl, Digits);
        Assert.Equal(2, result.Counts.Rollovers);
    }

    [Fact]
    public void Run_LeveragedLongFalling_IsClosedByMarginCallBelowStopOut()
    {
        // Balance 1,000, leverage 100, stop-out 50 %. Buy 0.5 lot (50,000 EUR) at 1.10010: margin 50,000 × 1.10005 / 100
        // = 550.03 ≤ equity. Tick 2 (bid 1.08600): equity 1,000 − (1.10010 − 1.08600) × 50,000 = 295; margin
        // 50,000 × 1.08605 / 100 = 543.03; 295 / 543.03 = 54 % → holds. Tick 3 (bid 1.08550): equity 1,000 − 730 = 270;
        // margin 542.78; 49.7 % < 50 % → margin call at the bid 1.08550. Net −730, balance 270.
        var ticks = Tape(Monday10,
            (0, 1.10000, 1.10010),
            (1 * Second, 1.10000, 1.10010),
            (2 * Second, 1.08600, 1.08610),
            (3 * Second, 1.08550, 1.08560),
            (4 * Second, 1.08000, 1.08010));
        var options = new BacktestOptions { InitialBalance = 1_000, Leverage = 100, StopOutLevel = 0.5 };

        var result = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 0.5)), options);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((Monday10 + (3 * Second), 1.08550, "margin-call"), (trade.ExitTime, trade.ExitPrice, trade.ExitReason));
        Assert.Equal(-730.0, trade.NetPnl, Digits);
        Assert.Equal(270.0, result.FinalBalance, Digits);
        Assert.Equal(1, result.Counts.MarginCalls);
    }

    [Fact]
    public void Run_EntryNeedingMoreMarginThanEquity_IsRejected()
    {
        // 1 lot at leverage 100 needs 100,000 × 1.10005 / 100 = 1,100.05 of margin; equity is 1,000.
        var ticks = Tape(Monday10, (0, 1.10000, 1.10010), (1 * Second, 1.10000, 1.10010), (2 * Second, 1.10000, 1.10010));
        var options = new BacktestOptions { InitialBalance = 1_000, Leverage = 100 };

        var result = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 1)), options);

        Assert.Empty(result.Trades);
        Assert.Equal(1, result.Counts.RejectedMargin);
        Assert.Equal(1_000.0, result.FinalBalance);
    }

    [Fact]
    public void Run_FixedFractionSizing_RisksThatFractionBetweenFillAndStop()
    {
        // Equity 10,000, risk 1 % = 100. Buy fills at 1.10010 with the stop at 1.09810: 0.00200 × 100,000 = 200 per lot
        // → 0.5 lot. Tick 2's bid 1.09810 touches the stop: the loss is 0.00200 × 50,000 = 100, exactly 1 %.
        var ticks = Tape(Monday10, (0, 1.10000, 1.10010), (1 * Second, 1.10000, 1.10010), (2 * Second, 1.09810, 1.09820), (3 * Second, 1.09000, 1.09010));
        var options = new BacktestOptions { Sizing = PositionSizing.FixedFraction(0.01) };

        var result = TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, stopLoss: 1.09810)), options);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(0.5, trade.Lots, 9);
        Assert.Equal("stop-loss", trade.ExitReason);
        Assert.Equal(-100.0, trade.NetPnl, Digits);
    }

    [Fact]
    public void Run_FixedFractionWithStopDistance_SizesFromTheFillAndRoundsDownToTheLotStep()
    {
        // Equity 10,000, risk 0.5 % = 50; stop 0.00030 below the fill → 30 USD per lot → 1.6666 lots → 1.66 lots.
        var ticks = Tape(Monday10, (0, 1.10000, 1.10010), (1 * Second, 1.10000, 1.10010), (2 * Second, 1.10000, 1.10010));
        var options = new BacktestOptions { Sizing = PositionSizing.FixedFraction(0.005) };

        var trade = Assert.Single(TickBacktester.Run("EURUSD", ticks,
            Once(OrderRequest.Market(TradeSide.Long) with { StopLossDistance = 0.0003 }), options).Trades);

        Assert.Equal(1.66, trade.Lots, 9);
    }

    [Fact]
    public void Run_UsdJpy_ConvertsYenPnlAtTheExitMid()
    {
        // USDJPY 1 lot = 100,000 USD. Buy at 150.010, end-of-data sell at bid 150.110: +0.100 JPY × 100,000 = 10,000 JPY,
        // converted at the exit mid 150.115 → 66.6156 USD. Margin 100,000 × 150.015 / 150.015 / 50 = 2,000 USD.
        var ticks = Tape(Monday10, (0, 150.000, 150.010), (1 * Second, 150.000, 150.010), (2 * Second, 150.110, 150.120));

        var trade = Assert.Single(TickBacktester.Run("USDJPY", ticks, Once(OrderRequest.Market(TradeSide.Long, 1))).Trades);

        Assert.Equal(10_000 / 150.115, trade.NetPnl, 9);
        // Spread 0.005 + 0.005 yen × 100,000 = 1,000 JPY at 150.115.
        Assert.Equal(1_000 / 150.115, trade.SpreadCost, 9);
    }

    [Fact]
    public void Run_CrossWithoutAConversionRate_IsRefusedNamingTheOption()
    {
        var ticks = Tape(Monday10, (0, 160.000, 160.010), (1 * Second, 160.000, 160.010));

        var e = Assert.Throws<BacktestException>(() => TickBacktester.Run("EURJPY", ticks, Once(OrderRequest.Market(TradeSide.Long, 1))));

        Assert.Equal((BacktestErrorKind.InvalidOptions, nameof(BacktestOptions.QuoteToAccountRate)), (e.Kind, e.Field));
        Assert.Contains("JPY", e.Message, StringComparison.Ordinal);
        // With a fixed rate it runs: 0.005 JPY spread × 2 × 100,000 = 1,000 JPY × 0.0067 = 6.7 USD lost.
        var result = TickBacktester.Run("EURJPY", ticks, Once(OrderRequest.Market(TradeSide.Long, 1)), new BacktestOptions { QuoteToAccountRate = 0.0067 });
        Assert.Equal(-6.7, Assert.Single(result.Trades).NetPnl, 9);
    }
}
