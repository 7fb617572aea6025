using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Signals;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;

namespace TickKernelExtensions.Tests.Backtesting.Engine;

public sealed class SignalStrategyTests
{
    private static readonly TickColumns Ticks = Tape(Monday10,
        (0, 1.10000, 1.10010),
        (1 * Second, 1.10000, 1.10010),
        (2 * Second, 1.10020, 1.10030),
        (3 * Second, 1.10040, 1.10050),
        (4 * Second, 1.10060, 1.10070),
        (5 * Second, 1.10080, 1.10090));

    private static TradeSignal Signal(SignalAction action, long at, long lifetime = 60 * Second, string symbol = "EURUSD") => new()
    {
        Symbol = symbol,
        Time = TickTime.FromMicros(at),
        Expiry = TickTime.FromMicros(at + lifetime),
        Action = action,
        Confidence = 0.7,
        ModelName = "test",
        ModelVersion = "1",
    };

    [Fact]
    public void Run_BuyThenSellSignals_HoldsLongThenReversesShortAtNextTicks()
    {
        // Buy issued at 0.5 s: the clock reaches it at tick 1 (1 s); fills at tick 2's ask 1.10030. Sell at 3 s (tick 3):
        // close the long and open a short, both on tick 4 (bid 1.10060). The short closes at the end on tick 5's ask.
        var strategy = new SignalStrategy([Signal(SignalAction.Buy, Monday10 + (Second / 2)), Signal(SignalAction.Sell, Monday10 + (3 * Second))]);

        var result = TickBacktester.Run("EURUSD", Ticks, strategy, new BacktestOptions());

        Assert.Equal(2, result.Trades.Count);
        var (longTrade, shortTrade) = (result.Trades[0], result.Trades[1]);
        Assert.Equal((TradeSide.Long, 1.10030, 1.10060, "signal"), (longTrade.Side, longTrade.EntryPrice, longTrade.ExitPrice, longTrade.ExitReason));
        Assert.Equal((TradeSide.Short, 1.10060, 1.10090, "end-of-data"), (shortTrade.Side, shortTrade.EntryPrice, shortTrade.ExitPrice, shortTrade.ExitReason));
        Assert.Equal(2, strategy.Acted);
    }

    [Fact]
    public void Run_ReversalWhileTheEntryIsStillTravelling_ClosesItWhenItArrives()
    {
        // Latency 1.5 s. Buy at 1 s (tick 1) arrives at 2.5 s and fills at tick 3's ask 1.10050. Sell at 2 s (tick 2)
        // sees only a pending buy: it sends cancel, close and a market sell, arriving at 3.5 s; at tick 4 the cancel
        // finds nothing (the buy has filled), the close sells the long at the bid 1.10060, the short enters at 1.10060.
        // End of data: the short buys back at tick 5's ask 1.10090. Long +10, short −30; never both open at once.
        var strategy = new SignalStrategy([Signal(SignalAction.Buy, Monday10 + Second), Signal(SignalAction.Sell, Monday10 + (2 * Second))]);

        var result = TickBacktester.Run("EURUSD", Ticks, strategy, new BacktestOptions { Latency = TimeSpan.FromMilliseconds(1_500) });

        Assert.Equal(
            [(TradeSide.Long, 1.10050, 1.10060, "signal"), (TradeSide.Short, 1.10060, 1.10090, "end-of-data")],
            result.Trades.Select(t => (t.Side, t.EntryPrice, t.ExitPrice, t.ExitReason)));
        Assert.Equal(10.0, result.Trades[0].NetPnl, 6);
        Assert.Equal(-30.0, result.Trades[1].NetPnl, 6);
    }

    [Fact]
    public void Run_SignalExpiringBeforeTheFill_DropsTheEntry()
    {
        // Buy at 1 s, live for 1.5 s; latency 2 s puts the arrival at 3 s and the first fill chance at tick 4 (4 s),
        // after the expiry (2.5 s): the entry expires unfilled.
        var strategy = new SignalStrategy([Signal(SignalAction.Buy, Monday10 + Second, lifetime: 1_500 * Ms)]);

        var result = TickBacktester.Run("EURUSD", Ticks, strategy, new BacktestOptions { Latency = TimeSpan.FromSeconds(2) });

        Assert.Empty(result.Trades);
        Assert.Equal(1, result.Counts.Expired);
    }

    [Fact]
    public void Run_SignalForAnUnknownSymbol_IsRefused()
    {
        var e = Assert.Throws<BacktestException>(() =>
            TickBacktester.Run("EURUSD", Ticks, new SignalStrategy([Signal(SignalAction.Buy, Monday10, symbol: "EURUSX")])));

        Assert.Equal((BacktestErrorKind.UnknownSymbol, "Symbol", 0, "EURUSX"), (e.Kind, e.Field, e.Row, e.Actual));
    }

    [Fact]
    public void Run_SignalForAnotherSymbolThanTheTicks_IsRefused()
    {
        var e = Assert.Throws<BacktestException>(() =>
            TickBacktester.Run("EURUSD", Ticks, new SignalStrategy([Signal(SignalAction.Buy, Monday10, symbol: "GBPUSD")])));

        Assert.Equal((BacktestErrorKind.UnknownSymbol, "EURUSD", "GBPUSD"), (e.Kind, e.Expected, e.Actual));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void Run_SignalOutsideTheTicksTimeRange_IsOutOfRange(int seconds)
    {
        var e = Assert.Throws<BacktestException>(() =>
            TickBacktester.Run("EURUSD", Ticks, new SignalStrategy([Signal(SignalAction.Buy, Monday10), Signal(SignalAction.Flat, Monday10 + (seconds * Second))])));

        Assert.Equal((BacktestErrorKind.OutOfRange, "Time", 1), (e.Kind, e.Field, e.Row));
        Assert.Contains("2026-11-30T10:00:05", e.Expected, StringComparison.Ordinal);
    }
}
