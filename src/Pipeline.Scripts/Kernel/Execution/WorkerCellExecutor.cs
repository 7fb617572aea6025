using System.Globalization;
using System.Threading.Channels;
using Pipeline.Scripts.Notebooks;
using Pipeline.Scripts.Notebooks.Engine;
using Pipeline.Scripts.Notebooks.Worker;

namespace Pipeline.Scripts.Kernel.Execution;

/// <summary>
/// Runs the kernel's cells in the same worker process as <c>pipeline run</c> (<see cref="WorkerProcess"/>,
/// one <see cref="NotebookEngine"/> inside), so outputs are the runner's and a crash in a cell
/// (a stack overflow, an exception on a thread of its own) ends the worker, not the kernel.
/// </summary>
/// <remarks>
/// An interrupt first asks the worker to stop the cell at its next loop check, keeping the state; a cell
/// blocked outside its loops (a .NET thread cannot be aborted) has the worker's process tree stopped after a
/// grace period: the cell ends with an error that says the state was lost, and a fresh worker is started at
/// once (its Roslyn warm-up overlaps with the user reading the message). One cell at a
/// time: <see cref="ExecuteAsync"/> is not re-entrant; <see cref="InterruptAsync"/> may be called from any thread.
/// </remarks>
internal sealed class WorkerCellExecutor : IAsyncDisposable
{
    /// <summary>The error name of an interrupted cell.</summary>
    public const string InterruptedName = CellErrors.Interrupted;

    /// <summary>The error name of a cell whose worker process died.</summary>
    public const string CrashedName = "WorkerDied";

    // A process ended by SIGINT (signal 2) reports 128 + 2.
    private const int SigintExitCode = 130;

    private readonly string _workingDirectory;
    private readonly TimeSpan _startTimeout;
    private readonly TextWriter _log;
    private Task<WorkerProcess> _worker;
    private volatile WorkerProcess? _running;
    private volatile bool _interrupted;
    private TaskCompletionSource _cellFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long an interrupted cell may take to reach a loop check before its worker is stopped.</summary>
    public static TimeSpan InterruptGrace { get; } = TimeSpan.FromSeconds(3);

    public WorkerCellExecutor(string workingDirectory, TimeSpan startTimeout, TextWriter log)
    {
        _workingDirectory = workingDirectory;
        _startTimeout = startTimeout;
        _log = log;
        _worker = StartWorker();
    }

    /// <summary>Waits until the current worker is ready (or failed to start); for start-up measurements and tests.</summary>
    public Task WaitReadyAsync() => _worker;

    /// <summary>
    /// Runs <paramref name="code"/> as cell <paramref name="index"/>. Every output of the worker is handed to
    /// <paramref name="onOutput"/> with the index of the cell that produced it (background work of an earlier
    /// cell can still print), before this returns.
    /// </summary>
    public async Task<CellRunResult> ExecuteAsync(int index, string code, Action<int, CellOutput> onOutput)
    {
        WorkerProcess worker;
        try
        {
            worker = await _worker;
        }
        catch (Exception e) when (e is NotebookException or InvalidOperationException)
        {
            // It exited while starting (a SIGINT to the process group in interrupt_mode "signal" does that).
            _worker = StartWorker();
            return new CellRunResult(CellStatus.Failed, new ErrorOutput(CrashedName, $"the worker process that runs the cells could not start: {e.Message}", [e.Message]), ErrorPublished: false, StateLost: true);
        }
        if (worker.ExitCode is { } exitCode)
        {
            // It died between cells (a SIGINT to the process group, the OOM killer): say so, and do not run the
            // cell on a fresh worker as if nothing had happened — the cells it depends on are gone.
            await worker.DisposeAsync();
            _worker = StartWorker();
            var lost = $"the worker process exited while no cell was running (exit code {exitCode.ToString(CultureInfo.InvariantCulture)}), so this cell did not run. The kernel's state was lost and a fresh worker started: re-run the cells this one needs.";
            return new CellRunResult(CellStatus.Failed, new ErrorOutput(CrashedName, lost, ["WorkerDied: " + lost]), ErrorPublished: false, StateLost: true);
        }
        _interrupted = false;
        _cellFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running = worker;
        ErrorOutput? error = null;
        try
        {
            await worker.SendAsync(new ExecuteRequest(index, null, code), CancellationToken.None);
            while (true)
            {
                var message = await ReadAsync(worker.Messages);
                switch (message)
                {
                    case OutputMessage output:
                        if (output.Cell == index && output.Output is ErrorOutput e)
                        {
                            error = e;
                        }
                        onOutput(output.Cell, output.Output);
                        break;
                    case CompletedMessage completed when completed.Cell == index:
                        return new CellRunResult(completed.Status, completed.Status == CellStatus.Failed ? error : null);
                    case null:
                        return await WorkerGoneAsync(worker);
                }
            }
        }
        catch (IOException)
        {
            // Its standard input broke: it is gone.
            return await WorkerGoneAsync(worker);
        }
        finally
        {
            _running = null;
            _cellFinished.TrySetResult();
        }
    }

    /// <summary>
    /// Stops the running cell; does nothing when no cell runs. First asks the worker to stop the cell at its next loop
    /// check (the state is kept, <see cref="CellInterrupt"/>); a cell still running after <see cref="InterruptGrace"/>
    /// (blocked outside its loops) has its worker stopped, and the state is lost.
    /// </summary>
    public async Task InterruptAsync()
    {
        if (_running is not { } worker)
        {
            _log.WriteLine("kernel: interrupt with no cell running");
            return;
        }
        _log.WriteLine("kernel: interrupt: asking the worker to stop the cell");
        var finished = _cellFinished.Task;
        try
        {
            using var send = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await worker.SendAsync(new InterruptRequest(), send.Token);
            if (await Task.WhenAny(finished, Task.Delay(InterruptGrace)) == finished)
            {
                return;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // It cannot take the request: stop it.
            _log.WriteLine($"kernel: interrupt: the worker cannot take the request ({e.GetType().Name}); stopping it");
        }
        if (ReferenceEquals(_running, worker))
        {
            _interrupted = true;
            _log.WriteLine("kernel: interrupt: the cell did not stop; stopping the worker");
            try
            {
                await worker.KillAsync();
            }
            catch (InvalidOperationException)
            {
                // The cell's own path saw the worker exit and disposed it meanwhile.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var worker = await _worker;
            await worker.DisposeAsync();
        }
        catch (Exception e) when (e is NotebookException or InvalidOperationException)
        {
            // It never started; nothing to stop.
        }
    }

    private static async Task<WorkerMessage?> ReadAsync(ChannelReader<WorkerMessage?> messages)
    {
        try
        {
            return await messages.ReadAsync();
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    private async Task<CellRunResult> WorkerGoneAsync(WorkerProcess worker)
    {
        _log.WriteLine($"kernel: the worker running the cell is gone (exit code {worker.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "not yet"}); starting a fresh one");
        await worker.KillAsync();
        var tail = worker.StderrExcerpt;
        var exit = worker.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        // SIGINT to the process group (interrupt_mode "signal") can end the worker before our handler marks the interrupt.
        var interrupted = _interrupted || worker.ExitCode == SigintExitCode;
        await worker.DisposeAsync();
        _worker = StartWorker();
        var lost = "The kernel's state (variables, definitions, #r references) was lost and a fresh worker started: re-run the cells this one needs.";
        var error = interrupted
            ? new ErrorOutput(InterruptedName, "the cell was interrupted: its worker process was stopped. " + lost,
                ["KernelInterrupted: the cell was interrupted; its worker process was stopped.", lost])
            : new ErrorOutput(CrashedName, $"the worker process running the cell exited (exit code {exit}); the kernel keeps running. " + lost,
                [$"WorkerDied: the worker process running the cell exited (exit code {exit}).", .. tail.Split('\n', StringSplitOptions.RemoveEmptyEntries), lost]);
        return new CellRunResult(CellStatus.Failed, error, ErrorPublished: false, StateLost: true);
    }

    private Task<WorkerProcess> StartWorker() => WorkerProcess.StartAsync(_workingDirectory, _startTimeout, _log, CancellationToken.None);
}
