using System.Globalization;
using System.Threading.Channels;
using Pipeline.Scripts.Notebooks.Document;
using Pipeline.Scripts.Notebooks.Engine;
using Pipeline.Scripts.Notebooks.Worker;

namespace Pipeline.Scripts.Notebooks;

public sealed partial class NotebookRunner
{
    private static readonly HashSet<string> CSharpKernels = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };

    private async Task<CellResult> ExecuteCellAsync(int index, NotebookCell cell, CancellationToken cancellationToken)
    {
        var run = _runs[index] = new CellRun(cell);
        if (!CSharpKernels.Contains(cell.KernelName))
        {
            var refused = CellErrors.Unsupported(new CellSubmission(index, cell.Id, cell.Source), $"kernel {cell.KernelName}",
                "Polyglot cells of other kernels need the .NET Interactive kernel; the runner executes C# cells only");
            run.Add(refused);
            await EchoAsync(refused);
            return new CellResult(true, null, refused);
        }
        if (_worker is null)
        {
            var start = _workerStart ?? WorkerProcess.StartAsync(_options.EffectiveWorkingDirectory, _options.StartTimeout, _err, cancellationToken);
            _workerStart = null;
            _worker = await start;
        }
        await _worker.SendAsync(new ExecuteRequest(index, cell.Id, cell.Source), cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.ExecutionTimeout is { } timeout)
        {
            deadline.CancelAfter(timeout);
        }
        while (true)
        {
            WorkerMessage? message;
            try
            {
                message = await _worker.Messages.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return await TimedOutAsync(index, cell, run);
            }
            catch (ChannelClosedException)
            {
                message = null;
            }
            switch (message)
            {
                case OutputMessage output:
                    await RouteAsync(output);
                    break;
                case CompletedMessage completed when completed.Cell == index:
                    var error = completed.Status == CellStatus.Failed ? run.Outputs.OfType<ErrorOutput>().LastOrDefault() : null;
                    return new CellResult(completed.Status == CellStatus.Failed, completed.ExecutionCount, error);
                case null:
                    return await WorkerDiedAsync(index, cell, run);
            }
        }
    }

    private async Task RouteAsync(OutputMessage message)
    {
        if (message.Output is DisplayDataOutput { IsUpdate: true } update)
        {
            // An update replaces an earlier display wherever it is; one without a target is shown as new.
            if (!_runs.Values.Any(r => r.TryUpdateDisplay(update)) && _runs.TryGetValue(message.Cell, out var owner))
            {
                owner.Add(update with { IsUpdate = false });
            }
        }
        else if (_runs.TryGetValue(message.Cell, out var run))
        {
            run.Add(message.Output);
        }
        await EchoAsync(message.Output);
        if (_time.GetUtcNow() - _lastSave >= _options.AutosaveInterval)
        {
            Save();
        }
    }

    private async Task<CellResult> TimedOutAsync(int index, NotebookCell cell, CellRun run)
    {
        var pid = _worker!.ProcessId;
        await StopWorkerAsync(kill: true);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"cell {index}{IdSuffix(cell)} did not finish within {_options.ExecutionTimeout!.Value.TotalSeconds:0.###} s (--execution-timeout); the worker process (pid {pid}) and its child processes were killed");
        var error = new ErrorOutput(CellErrors.CellTimeout, message, [$"{CellErrors.CellTimeout}: {message}"]);
        run.Add(error);
        await EchoAsync(error);
        return new CellResult(true, null, error, TimedOut: true);
    }

    private async Task<CellResult> WorkerDiedAsync(int index, NotebookCell cell, CellRun run)
    {
        var worker = _worker!;
        // Its standard output closed: it is exiting on its own. Give it a moment so its exit code is known.
        using (var exiting = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await worker.WaitForExitAsync(exiting.Token);
            }
            catch (OperationCanceledException)
            {
                // Still running with its output closed: the kill below ends it.
            }
        }
        await StopWorkerAsync(kill: true);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"the worker process exited (code {worker.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}) while running cell {index}{IdSuffix(cell)}");
        var traceback = new List<string> { $"{CellErrors.DeadKernel}: {message}" };
        if (worker.StderrExcerpt is { Length: > 0 } tail)
        {
            traceback.Add("What the worker wrote to standard error:");
            traceback.AddRange(tail.Split('\n'));
        }
        var error = new ErrorOutput(CellErrors.DeadKernel, message, traceback);
        run.Add(error);
        await EchoAsync(error);
        return new CellResult(true, null, error);
    }

    private async Task EchoAsync(CellOutput output)
    {
        if (!_options.LogOutput)
        {
            return;
        }
        switch (output)
        {
            case StreamOutput { Name: StreamOutput.StdErr } stream:
                await _err.WriteAsync(stream.Text);
                break;
            case StreamOutput stream:
                await _out.WriteAsync(stream.Text);
                await _out.FlushAsync();
                break;
            case DisplayDataOutput display:
                await _out.WriteLineAsync(display.Data[MimeBundle.PlainText]);
                break;
            case ExecuteResultOutput result:
                await _out.WriteLineAsync($"Out[{result.ExecutionCount}]: {result.Data[MimeBundle.PlainText]}");
                break;
            case ErrorOutput error:
                foreach (var line in error.Traceback)
                {
                    await _err.WriteLineAsync(line);
                }
                break;
        }
    }
}
