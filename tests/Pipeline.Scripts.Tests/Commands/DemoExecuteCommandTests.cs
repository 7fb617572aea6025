using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TickKernelExtensions.Execution;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Signals;

namespace Pipeline.Scripts.Tests.Commands;

/// <summary>
/// The demo executor's durability, proven with a real process: <c>pipeline demo-execute</c> is killed
/// (<see cref="Process.Kill(bool)"/>) while it works through a tick/signal stream, restarted on the same journal with
/// the whole stream, and must end with every record it acknowledged before the kill in the journal exactly once and
/// the same journal and state as a run that was never interrupted.
/// </summary>
public sealed class DemoExecuteCommandTests
{
    private static readonly long Start = TickTime.ToMicros(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task DemoExecute_KilledMidRunAndRestarted_JournalHoldsEveryAcknowledgedRecordOnceAndEqualsAnUninterruptedRun()
    {
        using var dir = new TempDirectory();
        var lines = Stream();
        var events = dir.Combine("events.txt");
        await File.WriteAllLinesAsync(events, lines, TestContext.Current.CancellationToken);
        var whole = dir.Combine("whole.jsonl");
        var split = dir.Combine("split.jsonl");
        string[] options = ["--latency-ms", "300", "--jitter-ms", "100", "--commission", "3"];

        var uninterrupted = await RunAsync([.. options, "--journal", whole, "--events", events]);
        Assert.True(uninterrupted.Exit == 0, uninterrupted.Stderr);
        var total = uninterrupted.Acks.Count;
        Assert.True(total > 200, $"only {total} records: the stream proves little");

        // The killed run reads the first half of the stream from stdin, which stays open: it cannot finish, so the
        // kill lands while it is working (wherever it is once a quarter of the run's records were acknowledged).
        using var killed = Launch(["demo-execute", .. options, "--journal", split, "--events", "-"]);
        foreach (var line in lines.Take(lines.Count / 2))
        {
            await killed.StandardInput.WriteLineAsync(line);
        }
        await killed.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
        var acked = new List<string>();
        while (acked.Count < total / 4 && await killed.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } ack)
        {
            acked.Add(ack);
        }
        Assert.False(killed.HasExited, "the child ended before it was killed");
        killed.Kill(entireProcessTree: true);
        while (await killed.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } ack)
        {
            acked.Add(ack);
        }
        await killed.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(acked.Count >= total / 4);
        Assert.True(acked.Count < total, "the killed run acknowledged everything: it was not killed mid-run");

        var restarted = await RunAsync([.. options, "--journal", split, "--events", events]);
        Assert.True(restarted.Exit == 0, restarted.Stderr);

        var records = ExecutionJournal.ReadAll(split);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Seq));
        foreach (var ack in acked.Where(a => a.StartsWith("ack ", StringComparison.Ordinal)))
        {
            var parts = ack.Split(' ');
            var record = records[int.Parse(parts[1], CultureInfo.InvariantCulture) - 1];
            Assert.Equal(ack, Ack(record));
        }
        AssertOnce(records.Where(r => r.Type == ExecutionRecordType.OrdersSubmitted).SelectMany(r => r.Orders!).Select(o => o.OrderId), "order");
        AssertOnce(records.Where(r => r.Type == ExecutionRecordType.Fill).Select(r => r.OrderId!), "fill");
        AssertOnce(records.Where(r => r.Type == ExecutionRecordType.PositionClosed).Select(r => r.PositionId!.Value.ToString(CultureInfo.InvariantCulture)), "close");
        AssertOnce(records.Where(r => r.Type == ExecutionRecordType.SignalQueued).Select(r => r.SignalId!), "signal queueing");
        AssertOnce(records.Where(r => r.SignalId is not null && r.Type != ExecutionRecordType.SignalQueued).Select(r => r.SignalId!), "signal decision");
        Assert.Equal(await File.ReadAllTextAsync(whole, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(split, TestContext.Current.CancellationToken));
        Assert.Equal(uninterrupted.Acks.Skip(total - restarted.Acks.Count), restarted.Acks);
    }

    private static void AssertOnce(IEnumerable<string> keys, string what)
    {
        var repeated = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"{what} journaled more than once: {string.Join(", ", repeated)}");
    }

    private static string Ack(ExecutionRecord r) =>
        $"ack {r.Seq} {JsonNamingPolicy.KebabCaseLower.ConvertName(r.Type.ToString())} {r.OrderId ?? r.SignalId ?? r.PositionId?.ToString(CultureInfo.InvariantCulture) ?? "-"}";

    /// <summary>1,500 EURUSD ticks (a seeded walk) with a buy, sell or flat signal about every 15 ticks, each delivered just before its tick.</summary>
    private static List<string> Stream()
    {
        var random = new Random(17);
        var lines = new List<string>();
        var t = Start;
        var mid = 1.10000;
        for (var i = 0; i < 1500; i++)
        {
            var step = (100 + random.Next(800)) * 1000L;
            if (i > 0 && random.Next(15) == 0)
            {
                var signal = new TradeSignal
                {
                    Symbol = "EURUSD",
                    Time = TickTime.FromMicros(t + 1 + random.NextInt64(step - 1)),
                    Expiry = TickTime.FromMicros(t + step + (random.Next(1, 20) * 1_000_000L)),
                    Action = (SignalAction)random.Next(3),
                    Confidence = 0.75,
                    ModelName = "kill-test",
                    ModelVersion = "1",
                };
                lines.Add("signal " + TradeSignalJson.Serialize(signal));
            }
            t += step;
            mid += (random.Next(3) - 1) * 0.00001;
            var half = (5 + random.Next(16)) * 0.000005;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"tick EURUSD {t} {Math.Round(mid - half, 6)} {Math.Round(mid + half, 6)}"));
        }
        return lines;
    }

    private static Process Launch(string[] args)
    {
        var info = new ProcessStartInfo(Pipeline.Scripts.Notebooks.Worker.WorkerLaunch.DotnetHost())
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(PipelineCli).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(int Exit, List<string> Acks, string Stderr)> RunAsync(string[] args)
    {
        var info = new ProcessStartInfo(Pipeline.Scripts.Notebooks.Worker.WorkerLaunch.DotnetHost())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(PipelineCli).Assembly.Location);
        info.ArgumentList.Add("demo-execute");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var acks = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        return (process.ExitCode, acks, await stderr);
    }
}
