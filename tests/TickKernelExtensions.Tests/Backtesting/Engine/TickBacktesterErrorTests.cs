using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;

namespace TickKernelExtensions.Tests.Backtesting.Engine;

/// <summary>Bad input is refused with a kind, a field and the values concerned.</summary>
public sealed class TickBacktesterErrorTests
{
    private static readonly TickColumns Ticks = Tape(Monday10, (0, 1.10000, 1.10010), (1 * Second, 1.10000, 1.10010), (2 * Second, 1.10000, 1.10010));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Run_OrderWithZeroOrNegativeLots_IsAnInvalidOrderNamingLots(double lots)
    {
        var e = Assert.Throws<BacktestException>(() => TickBacktester.Run("EURUSD", Ticks, Once(OrderRequest.Market(TradeSide.Long, lots))));

        Assert.Equal(BacktestErrorKind.InvalidOrder, e.Kind);
        Assert.Contains("Lots must be positive", e.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-30T10:00:00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FixedFractionWithoutStop_IsAnInvalidOrder()
    {
        var options = new BacktestOptions { Sizing = PositionSizing.FixedFraction(0.01) };

        var e = Assert.Throws<BacktestException>(() => TickBacktester.Run("EURUSD", Ticks, Once(OrderRequest.Market(TradeSide.Long)), options));

        Assert.Equal(BacktestErrorKind.InvalidOrder, e.Kind);
        Assert.Contains("fixed-fraction sizing needs a StopLoss", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StopAboveTargetOnALong_IsAnInvalidOrder()
    {
        var e = Assert.Throws<BacktestException>(() =>
            TickBacktester.Run("EURUSD", Ticks, Once(OrderRequest.Market(TradeSide.Long, 1, stopLoss: 1.2, takeProfit: 1.1))));

        Assert.Contains("StopLoss below its TakeProfit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadOptions_ListsEveryOneInOneMessage()
    {
        var options = new BacktestOptions
        {
            InitialBalance = 0, Leverage = 0.5, Sizing = PositionSizing.FixedLots(0), Latency = TimeSpan.FromTicks(-10),
            Slippage = SlippageModel.FixedPoints(-1), Rollover = new RolloverSchedule { TimeZone = "Mars/Olympus" },
        };

        var e = Assert.Throws<BacktestException>(options.Validate);

        Assert.Equal(BacktestErrorKind.InvalidOptions, e.Kind);
        foreach (var field in new[] { "InitialBalance", "Leverage", "Sizing.Value", "Latency", "Slippage.Amount", "Rollover.TimeZone" })
        {
            Assert.Contains(field, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_UnknownSymbol_IsRefusedByName()
    {
        var e = Assert.Throws<BacktestException>(() => TickBacktester.Run("EURUSX", Ticks, Once(OrderRequest.Market(TradeSide.Long, 1))));

        Assert.Equal((BacktestErrorKind.UnknownSymbol, "EURUSX"), (e.Kind, e.Actual));
    }

    [Fact]
    public void Run_TicksOutOfOrder_NameTheRow()
    {
        var ticks = Tape(Monday10, (0, 1.1, 1.1001), (2 * Second, 1.1, 1.1001), (1 * Second, 1.1, 1.1001));

        var e = Assert.Throws<BacktestException>(() => TickBacktester.Run("EURUSD", ticks, Once(OrderRequest.Market(TradeSide.Long, 1))));

        Assert.Equal((BacktestErrorKind.InvalidInput, "timestamp", 2), (e.Kind, e.Field, e.Row));
    }

    [Fact]
    public void Run_NoTicks_IsInvalidInput()
    {
        var e = Assert.Throws<BacktestException>(() => TickBacktester.Run("EURUSD", new TickColumns(), Once(OrderRequest.Market(TradeSide.Long, 1))));

        Assert.Equal(BacktestErrorKind.InvalidInput, e.Kind);
    }
}
