using System.Globalization;
using System.Threading.Channels;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>
/// The child process of <c>pipeline run</c> (hidden command <c>notebook-worker</c>): owns Roslyn,
/// the console capture and the Formatter's static state for one notebook; executes the cells the
/// parent sends on standard input and answers on standard output (<see cref="WorkerMessage"/>).
/// </summary>
/// <remarks>
/// Standard output is taken over for the protocol before anything else runs: <c>Console.Out</c>
/// then points at standard error, so text written outside any cell cannot corrupt the protocol.
/// When standard input closes (the parent died or gave up) the process exits at once, even in the
/// middle of a cell.
/// </remarks>
internal static class WorkerHost
{
    /// <summary>The hidden command's name.</summary>
    public const string CommandName = "notebook-worker";

    public static async Task<int> RunAsync(string baseDirectory)
    {
        var channel = new WorkerChannel(Console.OpenStandardOutput());
        var input = new StreamReader(Console.OpenStandardInput());
        Console.SetOut(Console.Error);
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = baseDirectory });
        var requests = Channel.CreateUnbounded<WorkerMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var reader = new Thread(() => ReadRequests(input, requests.Writer)) { IsBackground = true, Name = "notebook-worker stdin" };
        reader.Start();
        // Pay Roslyn's cold start now, under the parent's start timeout, not in the first cell's execution timeout.
        engine.WarmUp();
        channel.Send(new ReadyMessage(Environment.ProcessId));
        await foreach (var request in requests.Reader.ReadAllAsync())
        {
            switch (request)
            {
                case ExecuteRequest execute:
                    var outcome = await engine.ExecuteAsync(new CellSubmission(execute.Cell, execute.Id, execute.Code), new WorkerSink(channel, execute.Cell), CancellationToken.None);
                    channel.Send(new CompletedMessage(execute.Cell, outcome.Status, outcome.ExecutionCount));
                    break;
                case ShutdownRequest:
                    channel.Send(Memory());
                    return 0;
            }
        }
        return 0;
    }

    private static void ReadRequests(StreamReader input, ChannelWriter<WorkerMessage> requests)
    {
        while (input.ReadLine() is { } line)
        {
            var message = WorkerChannel.TryParse(line);
            if (message is InterruptRequest)
            {
                // Handled here, not queued: the main loop is busy running the cell this is meant to stop.
                CellInterrupt.Request();
            }
            else if (message is not null)
            {
                if (message is ExecuteRequest)
                {
                    CellInterrupt.Reset();
                }
                requests.TryWrite(message);
            }
            else
            {
                Console.Error.WriteLine($"notebook-worker: ignored a line that is not a protocol message: {line}");
            }
        }
        // The parent is gone: nobody will read our answers, and a cell may be running forever.
        Environment.Exit(0);
    }

    private static ExitingMessage Memory()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new ExitingMessage(PeakResidentBytes() ?? process.PeakWorkingSet64, process.WorkingSet64, managed);
    }

    // Linux reports the true peak RSS as VmHWM; Process.PeakWorkingSet64 reads the same value there, but be explicit.
    private static long? PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value * 1024 : null;
    }
}
