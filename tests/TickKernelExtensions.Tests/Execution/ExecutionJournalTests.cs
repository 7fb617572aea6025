using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Execution;
using TickKernelExtensions.Tests.Support;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;
using static TickKernelExtensions.Tests.Execution.DemoStreams;

namespace TickKernelExtensions.Tests.Execution;

public sealed class ExecutionJournalTests
{
    private static readonly DemoExecutorOptions Options = new()
    {
        Backtest = new BacktestOptions { Latency = TimeSpan.FromMilliseconds(250), CommissionPerLot = 2 },
        Risk = new DemoRiskLimits { MaxOrdersPerMinute = 1_000, MaxSignalAge = TimeSpan.FromHours(1) },
    };

    private static List<StreamEvent> Events()
    {
        var ticks = RandomWalk(800, seed: 21);
        return Merge(ticks, RandomSignals(ticks, seed: 8));
    }

    [Fact]
    public void Append_EachRecord_OneChecksummedLineWithTheNextSequence()
    {
        using var dir = new TempDirectory();
        var path = dir.File("j.jsonl");
        using (var journal = ExecutionJournal.Open(path))
        {
            Assert.Equal(1, journal.Append(new ExecutionRecord { Type = ExecutionRecordType.Start, Balance = 100, Currency = "USD" }).Seq);
            Assert.Equal(2, journal.Append(new ExecutionRecord { Type = ExecutionRecordType.OrderExpired, Symbol = "EURUSD", Clock = 5, OrderId = "a-1" }).Seq);
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.Matches("""^\{"seq":2,"type":"order-expired","symbol":"EURUSD","clock":5,"orderId":"a-1","sum":"[0-9a-f]{16}"\}$""", lines[1]);
        Assert.Equal(2, ExecutionJournal.ReadAll(path)[1].Seq);
    }

    [Fact]
    public void Open_TornLastLine_TruncatedAndTheRunFinishesLikeAnUninterruptedOne()
    {
        var events = Events();
        using var dir = new TempDirectory();
        var whole = dir.File("whole.jsonl");
        var torn = dir.File("torn.jsonl");
        using (var demo = DemoExecutor.Open(whole, Options))
        {
            Feed(demo, events);
        }
        // A crash in the middle of a write: the journal holds a prefix of the run and half of the next line.
        var text = File.ReadAllText(whole);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var keep = lines.Length / 2;
        var prefix = string.Concat(lines.Take(keep).Select(l => l + "\n"));
        File.WriteAllText(torn, prefix + lines[keep][..(lines[keep].Length / 2)]);

        using (var demo = DemoExecutor.Open(torn, Options))
        {
            Assert.Equal(lines[keep].Length / 2, demo.TruncatedBytes);
            Assert.Equal(keep, demo.Sequence);
            Feed(demo, events);
        }

        Assert.Equal(text, File.ReadAllText(torn));
    }

    [Fact]
    public void Open_LastLineWithNewlineButBadChecksum_TreatedAsTornAndCut()
    {
        using var dir = new TempDirectory();
        var path = dir.File("j.jsonl");
        using (var journal = ExecutionJournal.Open(path))
        {
            journal.Append(new ExecutionRecord { Type = ExecutionRecordType.Start, Balance = 100, Currency = "USD" });
            journal.Append(new ExecutionRecord { Type = ExecutionRecordType.OrderExpired, Symbol = "EURUSD", Clock = 5, OrderId = "a-1" });
        }
        var good = File.ReadAllLines(path)[0] + "\n";
        File.WriteAllText(path, good + "{\"seq\":2,\"type\":\"fill\"\0\0\0\n");

        using var reopened = ExecutionJournal.Open(path);

        Assert.Single(reopened.Records);
        Assert.Equal(good, File.ReadAllText(path));
    }

    [Fact]
    public void Open_CorruptLineInTheMiddle_ErrorNamesFileLineFieldExpectedAndActual()
    {
        using var dir = new TempDirectory();
        var path = dir.File("j.jsonl");
        using (var demo = DemoExecutor.Open(path, Options))
        {
            Feed(demo, Events());
        }
        var lines = File.ReadAllLines(path);
        Assert.True(lines.Length > 10);
        lines[4] = lines[4].Replace("\"symbol\":\"EURUSD\"", "\"symbol\":\"EURUSX\"", StringComparison.Ordinal);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");

        var e = Assert.Throws<ExecutionException>(() => DemoExecutor.Open(path, Options));

        Assert.Equal(ExecutionErrorKind.CorruptJournal, e.Kind);
        Assert.Equal((5, "sum"), (e.Line, e.Field));
        Assert.NotNull(e.Expected);
        Assert.NotNull(e.Actual);
        Assert.NotEqual(e.Expected, e.Actual);
        Assert.Contains($"{Path.GetFullPath(path)}:5:", e.Message, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(path), string.Join("\n", lines) + "\n"); // nothing cut
    }

    [Fact]
    public void Open_SequenceGapInTheMiddle_CorruptJournal()
    {
        using var dir = new TempDirectory();
        var path = dir.File("j.jsonl");
        var lines = new[]
        {
            ExecutionJournal.Format(new ExecutionRecord { Seq = 1, Type = ExecutionRecordType.Start, Balance = 10_000, Currency = "USD" }),
            ExecutionJournal.Format(new ExecutionRecord { Seq = 3, Type = ExecutionRecordType.OrderExpired, Symbol = "EURUSD", Clock = 5, OrderId = "x-1" }),
            ExecutionJournal.Format(new ExecutionRecord { Seq = 4, Type = ExecutionRecordType.OrderExpired, Symbol = "EURUSD", Clock = 6, OrderId = "x-2" }),
        };
        File.WriteAllText(path, string.Concat(lines));

        var e = Assert.Throws<ExecutionException>(() => ExecutionJournal.ReadAll(path));

        Assert.Equal((ExecutionErrorKind.CorruptJournal, 2, "seq", "2", "3"), (e.Kind, e.Line, e.Field, e.Expected, e.Actual));
    }

    [Fact]
    public void Open_JournalOfAnotherAccount_JournalMismatch()
    {
        using var dir = new TempDirectory();
        var path = dir.File("j.jsonl");
        DemoExecutor.Open(path, Options).Dispose();

        var e = Assert.Throws<ExecutionException>(() =>
            DemoExecutor.Open(path, Options with { Backtest = Options.Backtest with { InitialBalance = 5_000 } }));

        Assert.Equal(ExecutionErrorKind.JournalMismatch, e.Kind);
    }
}
