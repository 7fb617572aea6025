using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>
/// The parent's handle on a worker process: sends requests, delivers the worker's messages in order
/// (a null message means its standard output closed: it exited), forwards its standard error, and
/// kills its whole process tree when asked.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int StderrHeadLines = 12;
    private const int StderrExcerptLines = 12;

    private readonly Process _process;
    private readonly Channel<WorkerMessage?> _messages = Channel.CreateUnbounded<WorkerMessage?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _stderrHead = [];
    private readonly Queue<string> _stderrTail = new();
    private int _stderrSkipped;
    private readonly TextWriter _log;
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private int? _exitCode;
    private bool _disposed;

    private WorkerProcess(Process process, TextWriter log)
    {
        _process = process;
        _log = log;
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    /// <summary>The worker's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The worker's messages, in order; null once its standard output closed.</summary>
    public ChannelReader<WorkerMessage?> Messages => _messages.Reader;

    /// <summary>The worker's exit code, once it exited (still known after <see cref="DisposeAsync"/>).</summary>
    public int? ExitCode => _disposed ? _exitCode : _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// What the worker wrote to standard error: its first lines (where the runtime names a crash, e.g.
    /// "Stack overflow." and the repeated frame) and its last lines, with a count of what lies between.
    /// </summary>
    public string StderrExcerpt
    {
        get
        {
            lock (_stderrTail)
            {
                var lines = new List<string>(_stderrHead);
                if (_stderrSkipped > 0)
                {
                    lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"... ({_stderrSkipped} lines left out) ..."));
                }
                lines.AddRange(_stderrTail);
                return string.Join("\n", lines);
            }
        }
    }

    /// <summary>Starts a worker in <paramref name="workingDirectory"/> and waits until it says it is ready.</summary>
    /// <param name="workingDirectory">The worker's current directory, which relative paths in cells use.</param>
    /// <param name="startTimeout">How long the worker may take to become ready.</param>
    /// <param name="log">Where the worker's standard error is forwarded.</param>
    /// <param name="cancellationToken">Stops waiting (and kills the worker).</param>
    /// <exception cref="NotebookException">The worker could not be started or did not become ready (<see cref="NotebookErrorKind.Worker"/>).</exception>
    public static async Task<WorkerProcess> StartAsync(string workingDirectory, TimeSpan startTimeout, TextWriter log, CancellationToken cancellationToken)
    {
        var info = WorkerLaunch.StartInfo(workingDirectory);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new NotebookException(NotebookErrorKind.Worker, $"could not start the notebook worker ({info.FileName} {string.Join(' ', info.ArgumentList)})");
        }
        catch (Win32Exception e)
        {
            throw new NotebookException(NotebookErrorKind.Worker, $"could not start the notebook worker ({info.FileName} {string.Join(' ', info.ArgumentList)}): {e.Message}", e);
        }
        var worker = new WorkerProcess(process, log);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(startTimeout);
        try
        {
            var first = await worker.Messages.ReadAsync(timeout.Token);
            if (first is ReadyMessage)
            {
                return worker;
            }
            await worker.DisposeAsync();
            throw new NotebookException(NotebookErrorKind.Worker,
                $"the notebook worker exited before it was ready (exit code {worker.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}): {worker.StderrExcerpt}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await worker.DisposeAsync();
            throw new NotebookException(NotebookErrorKind.Worker, $"the notebook worker was not ready within {startTimeout.TotalSeconds:0.#} s: {worker.StderrExcerpt}");
        }
        catch (OperationCanceledException)
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one request.</summary>
    public async Task SendAsync(WorkerMessage message, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(WorkerChannel.Serialize(message).AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>Waits until the worker process has exited.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the worker and every process it started, and waits (briefly) for it to be gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await _log.WriteLineAsync($"warning: the notebook worker (pid {_process.Id}) did not exit within 10 s of being killed");
        }
    }

    /// <summary>Asks the worker to exit; returns its memory report, or null when it did not answer within <paramref name="timeout"/> (it is then killed).</summary>
    public async Task<ExitingMessage?> ShutdownAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await SendAsync(new ShutdownRequest(), wait.Token);
            while (await Messages.ReadAsync(wait.Token) is { } message)
            {
                if (message is ExitingMessage exiting)
                {
                    await _process.WaitForExitAsync(wait.Token);
                    return exiting;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ChannelClosedException)
        {
            // Fall through to the kill: a worker that does not answer must not outlive the run.
        }
        await KillAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_disposed && !_process.HasExited)
        {
            await KillAsync();
        }
        await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_disposed)
        {
            return;
        }
        _exitCode = _process.HasExited ? _process.ExitCode : null;
        _disposed = true;
        _process.Dispose();
    }

    private async Task PumpStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (WorkerChannel.TryParse(line) is { } message)
                {
                    _messages.Writer.TryWrite(message);
                }
                else
                {
                    // Native code writing to file descriptor 1 bypasses the console capture; keep it visible.
                    await _log.WriteLineAsync($"[worker stdout] {line}");
                }
            }
        }
        finally
        {
            _messages.Writer.TryWrite(null);
            _messages.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            lock (_stderrTail)
            {
                if (_stderrHead.Count < StderrHeadLines)
                {
                    _stderrHead.Add(line);
                }
                else
                {
                    _stderrTail.Enqueue(line);
                    if (_stderrTail.Count > StderrExcerptLines)
                    {
                        _stderrTail.Dequeue();
                        _stderrSkipped++;
                    }
                }
            }
            await _log.WriteLineAsync($"[worker] {line}");
        }
    }
}
