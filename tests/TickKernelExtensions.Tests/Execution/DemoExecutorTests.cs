using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Execution;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Tests.Support;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;
using static TickKernelExtensions.Tests.Execution.DemoStreams;

namespace TickKernelExtensions.Tests.Execution;

public sealed class DemoExecutorTests
{
    private static readonly (long Offset, double Bid, double Ask)[] Quotes =
    [
        (0, 1.10000, 1.10010),
        (1 * Second, 1.10010, 1.10020),
        (2 * Second, 1.10020, 1.10030),
        (3 * Second, 1.10040, 1.10050),
        (4 * Second, 1.10050, 1.10060),
        (5 * Second, 1.10070, 1.10080),
    ];

    private static readonly DemoExecutorOptions Golden = new()
    {
        Backtest = new BacktestOptions { Latency = TimeSpan.FromMilliseconds(500), CommissionPerLot = 3.5 },
    };

    private static void Tick(DemoExecutor demo, int i, string symbol = "EURUSD") =>
        demo.OnTick(symbol, Monday10 + Quotes[i].Offset, Quotes[i].Bid, Quotes[i].Ask);

    [Fact]
    public void OnSignal_BuyThenFlat_FillsAtAskAndBidAfterLatencyWithCommission()
    {
        using var dir = new TempDirectory();
        var path = dir.File("journal.jsonl");
        using var demo = DemoExecutor.Open(path, Golden);

        // Buy issued at 1 s, delivered after the 1 s tick: decided at 1 s, arrives at 1.5 s, fills on the first tick
        // strictly after it (2 s) at its ask 1.10030. Commission 1 lot × 3.5 = 3.5 → balance 10,000 − 3.5 = 9,996.5.
        Tick(demo, 0);
        Tick(demo, 1);
        var buy = demo.OnSignal(Signal(SignalAction.Buy, Monday10 + Second));
        Tick(demo, 2);
        Assert.Equal(SignalStatus.Acted, buy.Status);
        Assert.Equal(9_996.5, demo.Balance, 9);
        Assert.Equal((TradeSide.Long, 1.0, Monday10 + (2 * Second), 1.10030),
            demo.State().Positions.Select(p => (p.Side, p.Lots, p.EntryTime, p.EntryPrice)).Single());

        // Flat at 3 s: cancel + close arrive at 3.5 s and act on the 4 s tick; the long sells at its bid 1.10050.
        // Cash = (1.10050 − 1.10030) × 100,000 − 3.5 = 20 − 3.5 = 16.5 → balance 9,996.5 + 16.5 = 10,013.
        // Gross (mid to mid) = (1.10055 − 1.10025) × 100,000 = 30; spread = (0.00005 + 0.00005) × 100,000 = 10;
        // commission 3.5 + 3.5 = 7; net = 30 − 10 − 7 = 13 = 10,013 − 10,000.
        Tick(demo, 3);
        var flat = demo.OnSignal(Signal(SignalAction.Flat, Monday10 + (3 * Second)));
        Tick(demo, 4);
        Tick(demo, 5);

        Assert.Equal(SignalStatus.Acted, flat.Status);
        var trade = Assert.Single(demo.Trades);
        Assert.Equal((TradeSide.Long, Monday10 + (2 * Second), 1.10030, Monday10 + (4 * Second), 1.10050, "signal"),
            (trade.Side, trade.EntryTime, trade.EntryPrice, trade.ExitTime, trade.ExitPrice, trade.ExitReason));
        Assert.Equal(30, trade.GrossPnl, 6);
        Assert.Equal(10, trade.SpreadCost, 6);
        Assert.Equal(7, trade.Commission, 9);
        Assert.Equal(13, trade.NetPnl, 6);
        Assert.Equal(10_013, demo.Balance, 6);
        Assert.Empty(demo.State().Positions);
        Assert.Empty(demo.State().PendingOrders);

        var types = ExecutionJournal.ReadAll(path).Select(r => r.Type);
        Assert.Equal(
        [
            ExecutionRecordType.Start, ExecutionRecordType.OrdersSubmitted, ExecutionRecordType.Fill, ExecutionRecordType.OrdersSubmitted,
            ExecutionRecordType.OrderDone, ExecutionRecordType.PositionClosed, ExecutionRecordType.OrderDone,
        ], types);
    }

    [Fact]
    public void OnSignal_QueuedAndDeliveredBeforeItsTick_DecidedWhenTheClockReachesIt()
    {
        using var dir = new TempDirectory();
        using var demo = DemoExecutor.Open(dir.File("journal.jsonl"), Golden);
        Tick(demo, 0);

        var buy = demo.OnSignal(Signal(SignalAction.Buy, Monday10 + (Second / 2)));
        Tick(demo, 1);
        Tick(demo, 2);

        // Queued at 0.5 s, decided on the 1 s tick, arrives at 1.5 s, fills at the 2 s ask.
        Assert.Equal(SignalStatus.Queued, buy.Status);
        Assert.Equal(1.10030, demo.State().Positions.Single().EntryPrice);
    }

    [Fact]
    public void OnTick_SignalExpiredBeforeItsDecisionOrItsFill_Dropped()
    {
        using var dir = new TempDirectory();
        var path = dir.File("journal.jsonl");
        var options = Golden with { Backtest = Golden.Backtest with { Latency = TimeSpan.FromSeconds(2) } };
        using var demo = DemoExecutor.Open(path, options);
        Tick(demo, 0);

        // Issued at 0.2 s, valid 0.5 s: the clock reaches it at 1 s, past its expiry → skipped.
        var late = demo.OnSignal(Signal(SignalAction.Buy, Monday10 + (Second / 5), lifetime: Second / 2));
        Tick(demo, 1);
        // Issued at 1 s, valid until 2.5 s: decided at 1 s, arrives at 3 s, acts on the 4 s tick, past its expiry → dropped.
        var slow = demo.OnSignal(Signal(SignalAction.Buy, Monday10 + Second, lifetime: 1_500 * Ms));
        for (var i = 2; i < Quotes.Length; i++)
        {
            Tick(demo, i);
        }

        Assert.Equal(SignalStatus.Queued, late.Status);
        Assert.Equal(SignalStatus.Acted, slow.Status);
        Assert.Empty(demo.State().Positions);
        Assert.Empty(demo.State().PendingOrders);
        var records = ExecutionJournal.ReadAll(path);
        Assert.Contains(records, r => r.Type == ExecutionRecordType.SignalSkipped && r.SignalId == late.SignalId && r.Reason == "expired");
        Assert.Contains(records, r => r.Type == ExecutionRecordType.OrderExpired && r.OrderId == $"{slow.SignalId}-1" && r.Clock == Monday10 + (4 * Second));
        Assert.DoesNotContain(records, r => r.Type == ExecutionRecordType.Fill);
    }

    [Fact]
    public void OnSignal_SameSignalTwiceEvenAcrossARestart_ActedOnOnce()
    {
        using var dir = new TempDirectory();
        var path = dir.File("journal.jsonl");
        var signal = Signal(SignalAction.Buy, Monday10 + Second);
        string id;
        using (var demo = DemoExecutor.Open(path, Golden))
        {
            Tick(demo, 0);
            Tick(demo, 1);
            id = demo.OnSignal(signal).SignalId;
            var again = demo.OnSignal(signal with { });
            Assert.Equal((SignalStatus.Duplicate, 0), (again.Status, again.Records.Count));
        }
        using (var reopened = DemoExecutor.Open(path, Golden))
        {
            Assert.Equal(SignalStatus.Duplicate, reopened.OnSignal(signal).Status);
            Tick(reopened, 2);
            Tick(reopened, 3);
            Assert.Single(reopened.State().Positions);
        }
        var records = ExecutionJournal.ReadAll(path);
        Assert.Single(records, r => r.Type == ExecutionRecordType.OrdersSubmitted && r.SignalId == id);
        Assert.Single(records, r => r.Type == ExecutionRecordType.Fill);
    }

    [Fact]
    public void OnSignal_RiskLimitsBroken_RejectedAndJournaledWithTheReason()
    {
        using var dir = new TempDirectory();
        var path = dir.File("journal.jsonl");
        var options = Golden with
        {
            Risk = new DemoRiskLimits
            {
                AllowedSymbols = ["EURUSD", "USDJPY"],
                MaxOpenPositions = 1,
                MaxOrdersPerMinute = 4,
                MaxDailyLoss = 5,
                MaxSignalAge = TimeSpan.FromSeconds(1),
            },
        };
        using var demo = DemoExecutor.Open(path, options);
        Tick(demo, 0);
        demo.OnTick("USDJPY", Monday10, 155.000, 155.010);
        Tick(demo, 1);

        var notAllowed = demo.OnSignal(Signal(SignalAction.Buy, Monday10 + Second, symbol: "XAUUSD"));
        var stale = demo.OnSignal(Signal(SignalAction.Buy, Monday10 - Second));
        // The buy fills at the 2 s ask 1.10030 (1 order); the flat at 2 s closes it at the 3 s bid 1.10040 (2 orders):
        // 10 − 7 commission = +3. Then a sell at 3 s fills at the 4 s bid 1.10050 (1 order): 4 orders in the minute.
        var buy = demo.OnSignal(Signal(SignalAction.Buy, Monday10 + Second));
        Tick(demo, 2);
        var flat = demo.OnSignal(Signal(SignalAction.Flat, Monday10 + (2 * Second)));
        Tick(demo, 3);
        var sell = demo.OnSignal(Signal(SignalAction.Sell, Monday10 + (3 * Second)));
        Tick(demo, 4);
        // EURUSD is open: a USDJPY entry would make two symbols open.
        demo.OnTick("USDJPY", Monday10 + (4 * Second), 155.000, 155.010);
        var second = demo.OnSignal(Signal(SignalAction.Buy, Monday10 + (4 * Second), symbol: "USDJPY"));
        // A reversal of EURUSD needs close + market: 4 + 2 > 4 in the minute.
        var reverse = demo.OnSignal(Signal(SignalAction.Buy, Monday10 + (4 * Second)));

        Assert.Equal([SignalStatus.Rejected, SignalStatus.Rejected, SignalStatus.Acted, SignalStatus.Acted, SignalStatus.Acted, SignalStatus.Rejected, SignalStatus.Rejected],
            new[] { notAllowed, stale, buy, flat, sell, second, reverse }.Select(r => r.Status));
        var reasons = ExecutionJournal.ReadAll(path).Where(r => r.Type == ExecutionRecordType.SignalRejected).Select(r => (r.SignalId, r.Reason!)).ToList();
        Assert.Equal(4, reasons.Count);
        Assert.Equal((notAllowed.SignalId, "symbol-not-allowed"), reasons[0]);
        Assert.StartsWith("stale:", reasons[1].Item2, StringComparison.Ordinal);
        Assert.StartsWith("max-open-positions:", reasons[2].Item2, StringComparison.Ordinal);
        Assert.StartsWith("max-orders-per-minute:", reasons[3].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public void OnSignal_DailyLossReached_NoNewPositionThatDay()
    {
        using var dir = new TempDirectory();
        var path = dir.File("journal.jsonl");
        var options = Golden with { Risk = new DemoRiskLimits { MaxDailyLoss = 5 } };
        using var demo = DemoExecutor.Open(path, options);
        Tick(demo, 0);
        Tick(demo, 1);
        // Sell fills at the 2 s bid 1.10020, the flat buys back at the 3 s ask 1.10050: −30 − 7 commission = −37 ≤ −5.
        demo.OnSignal(Signal(SignalAction.Sell, Monday10 + Second));
        Tick(demo, 2);
        demo.OnSignal(Signal(SignalAction.Flat, Monday10 + (2 * Second)));
        Tick(demo, 3);
        var next = demo.OnSignal(Signal(SignalAction.Buy, Monday10 + (3 * Second)));

        Assert.Equal(-37, Assert.Single(demo.Trades).NetPnl, 6);
        Assert.Equal(SignalStatus.Rejected, next.Status);
        Assert.StartsWith("max-daily-loss:", next.Reason, StringComparison.Ordinal);
        Assert.Contains(ExecutionJournal.ReadAll(path), r => r.Type == ExecutionRecordType.SignalRejected && r.Reason == next.Reason);
    }

    [Fact]
    public void Open_AfterAStopMidStream_RebuildsTheStateAndFinishesLikeAnUninterruptedRun()
    {
        var ticks = RandomWalk(1500, seed: 9);
        var events = Merge(ticks, RandomSignals(ticks, seed: 4));
        var options = Golden with { Risk = new DemoRiskLimits { MaxOrdersPerMinute = 1_000, MaxSignalAge = TimeSpan.FromHours(1) } };
        using var dir = new TempDirectory();
        var whole = dir.File("whole.jsonl");
        var split = dir.File("split.jsonl");
        using (var demo = DemoExecutor.Open(whole, options))
        {
            Feed(demo, events);
        }

        string before;
        using (var demo = DemoExecutor.Open(split, options))
        {
            Feed(demo, events.Take(events.Count / 2));
            before = Json(demo.State());
        }
        using (var demo = DemoExecutor.Open(split, options))
        {
            Assert.Equal(before, Json(demo.State()));
            Feed(demo, events); // the feed replays from the start: old ticks and seen signals are ignored
        }

        Assert.True(ExecutionJournal.ReadAll(whole).Count > 100);
        Assert.Equal(File.ReadAllText(whole), File.ReadAllText(split));
    }
}
