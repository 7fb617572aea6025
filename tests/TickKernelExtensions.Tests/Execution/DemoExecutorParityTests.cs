using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Execution;
using TickKernelExtensions.Tests.Support;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;
using static TickKernelExtensions.Tests.Execution.DemoStreams;

namespace TickKernelExtensions.Tests.Execution;

/// <summary>The demo executor and the tick backtester given the same ticks and signals make the same trades.</summary>
public sealed class DemoExecutorParityTests
{
    [Theory]
    [InlineData(0, 0, 0.0, 0.0)]
    [InlineData(300, 200, 2.5, 0.1)]
    [InlineData(1500, 700, 7.0, 0.5)]
    public void OnTickOnSignal_SameStreamAsTickBacktester_SameTradesAndBalance(int latencyMs, int jitterMs, double commission, double slippage)
    {
        var ticks = RandomWalk(4000, seed: 5);
        var signals = RandomSignals(ticks);
        var backtest = new BacktestOptions
        {
            Latency = TimeSpan.FromMilliseconds(latencyMs),
            LatencyJitter = TimeSpan.FromMilliseconds(jitterMs),
            Seed = 3,
            CommissionPerLot = commission,
            Slippage = SlippageModel.SpreadFraction(slippage),
            CloseAtEnd = false,
        };
        var trading = new SignalTrading { MinConfidence = 0.3 };
        var strategy = new SignalStrategy(signals, trading);
        var expected = TickBacktester.Run("EURUSD", ticks, strategy, backtest);

        using var dir = new TempDirectory();
        var options = new DemoExecutorOptions
        {
            Backtest = backtest,
            Trading = trading,
            Risk = new DemoRiskLimits { MaxOrdersPerMinute = 1_000, MaxSignalAge = TimeSpan.FromHours(1) },
        };
        using var demo = DemoExecutor.Open(dir.File("journal.jsonl"), options);
        Feed(demo, Merge(ticks, signals));

        Assert.True(expected.Trades.Count > 20, $"only {expected.Trades.Count} trades: the case proves little");
        Assert.Equal(expected.Trades, demo.Trades);
        Assert.Equal(expected.FinalBalance, demo.Balance);
        var state = demo.State();
        Assert.Equal(expected.OpenPositions.Select(p => (p.Side, p.Lots, p.EntryTime, p.EntryPrice)),
            state.Positions.Select(p => (p.Side, p.Lots, p.EntryTime, p.EntryPrice)));
        Assert.Equal(expected.Counts.Unfilled, state.PendingOrders.Count);
    }
}
