using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Scripts.Notebooks.Document;
using Pipeline.Scripts.Notebooks.Engine;
using Pipeline.Scripts.Notebooks.Parameters;
using Pipeline.Scripts.Notebooks.Worker;

namespace Pipeline.Scripts.Notebooks;

/// <summary>
/// papermill for C# notebooks: parameterizes a notebook, executes its code cells in order in a
/// worker process (<see cref="WorkerHost"/>), records outputs and papermill's metadata, writes the
/// output notebook atomically at the start and after every cell, and stops at the first failing
/// cell with papermill's error banners. The parent owns the notebook file, the clock and the
/// timeouts; the worker owns Roslyn and the console.
/// </summary>
public sealed partial class NotebookRunner
{
    private readonly NotebookRunOptions _options;
    private readonly NotebookDocument _notebook;
    private readonly string _outputPath;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly TimeProvider _time;
    private readonly Dictionary<int, CellRun> _runs = [];
    private DateTimeOffset _lastSave;
    private WorkerProcess? _worker;
    private Task<WorkerProcess>? _workerStart;

    private NotebookRunner(NotebookRunOptions options, NotebookDocument notebook, TextWriter output, TextWriter error, TimeProvider time)
    {
        _options = options;
        _notebook = notebook;
        _outputPath = options.EffectiveOutputPath;
        _out = output;
        _err = error;
        _time = time;
    }

    /// <summary>
    /// Runs the notebook described by <paramref name="options"/>. Cell failures and timeouts are
    /// results (exit codes 1 and 2, the notebook written with the error); problems before any cell
    /// runs are exceptions.
    /// </summary>
    /// <param name="options">What to run.</param>
    /// <param name="output">Where cell output is echoed with <see cref="NotebookRunOptions.LogOutput"/>.</param>
    /// <param name="error">Where warnings, progress and the final summary go.</param>
    /// <param name="time">The clock for papermill's times (default: the system clock).</param>
    /// <param name="cancellationToken">Stops the run: the worker is killed and the notebook written.</param>
    /// <exception cref="NotebookException">Bad options or parameters, an unreadable or invalid notebook, a worker that cannot start (exit code 3).</exception>
    public static async Task<NotebookRunResult> RunAsync(NotebookRunOptions options, TextWriter output, TextWriter error, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        output = TextWriter.Synchronized(output);
        error = TextWriter.Synchronized(error);
        var notebook = NotebookDocument.Load(options.InputPath);
        var runner = new NotebookRunner(options, notebook, output, error, time ?? TimeProvider.System);
        if (!options.PrepareOnly && notebook.Cells.Any(c => c.IsCode && !string.IsNullOrWhiteSpace(c.Source)))
        {
            // The worker's start (about a second of Roslyn warm-up) overlaps with preparing the notebook.
            runner._workerStart = WorkerProcess.StartAsync(options.EffectiveWorkingDirectory, options.StartTimeout, error, cancellationToken);
        }
        try
        {
            runner.Prepare();
        }
        catch
        {
            await runner.StopWorkerAsync(kill: true);
            throw;
        }
        if (options.PrepareOnly)
        {
            runner.Save();
            await error.WriteLineAsync($"Prepared {options.InputPath} (not executed); wrote {runner._outputPath}");
            return new NotebookRunResult(RunExitCode.Success, runner._outputPath, 0, null, null, null);
        }
        return await runner.ExecuteAsync(cancellationToken);
    }

    private void Prepare()
    {
        ErrorMarkers.Remove(_notebook);
        foreach (var change in _notebook.Normalize())
        {
            _err.WriteLine($"warning: {_options.InputPath}: {change}");
        }
        var values = ParameterInjector.Resolve(_notebook, _options.InputPath, _options.Parameters);
        ParameterInjector.RecordDefaults(_notebook);
        ParameterInjector.Inject(_notebook, values);
        var papermill = PapermillMetadata.Notebook(_notebook.Metadata);
        if (!papermill.ContainsKey("parameters"))
        {
            papermill["parameters"] = new JsonObject();
        }
        papermill["input_path"] = _options.InputPath;
        papermill["output_path"] = _outputPath;
    }

    private async Task<NotebookRunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var start = _time.GetUtcNow();
        PapermillMetadata.StartNotebook(_notebook.Metadata, start);
        foreach (var cell in _notebook.Cells)
        {
            PapermillMetadata.ResetCell(cell);
        }
        Save();
        var codeCells = _notebook.Cells.Count(c => c.IsCode);
        var executed = 0;
        CellResult? failure = null;
        var failedIndex = -1;
        NotebookCell? failedCell = null;
        try
        {
            for (var i = 0; i < _notebook.Cells.Count && failure is null; i++)
            {
                var cell = _notebook.Cells[i];
                var cellStart = _time.GetUtcNow();
                PapermillMetadata.StartCell(cell, cellStart);
                if (!cell.IsCode || string.IsNullOrWhiteSpace(cell.Source))
                {
                    // Markdown, raw and empty code cells pass through, marked completed like papermill does.
                    PapermillMetadata.CompleteCell(cell, cellStart, _time.GetUtcNow(), failed: false);
                    continue;
                }
                executed++;
                Save();
                if (_options.LogOutput)
                {
                    await _err.WriteLineAsync($"Executing cell {i} ({executed} of {codeCells} code cells){IdSuffix(cell)}");
                }
                var result = await ExecuteCellAsync(i, cell, cancellationToken);
                cell.SetExecutionCount(result.ExecutionCount);
                PapermillMetadata.CompleteCell(cell, cellStart, _time.GetUtcNow(), result.Failed);
                if (result.Failed)
                {
                    failure = result;
                    failedIndex = i;
                    failedCell = cell;
                }
                // No save here: the next code cell's start saves this one's result with it (one write per
                // cell, not two), and the end of the run saves the last.
                if (_options.LogOutput)
                {
                    await _err.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Ending cell {i}{IdSuffix(cell)}: {(result.Failed ? "failed" : "completed")} in {(_time.GetUtcNow() - cellStart).TotalSeconds:0.###} s"));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StopWorkerAsync(kill: true);
            PapermillMetadata.CompleteNotebook(_notebook.Metadata, start, _time.GetUtcNow(), exception: true);
            Save();
            throw;
        }
        if (failure is not null)
        {
            ErrorMarkers.Insert(_notebook, failedIndex, failure.ExecutionCount);
        }
        var end = _time.GetUtcNow();
        PapermillMetadata.CompleteNotebook(_notebook.Metadata, start, end, exception: failure is not null);
        Save();
        var memory = await StopWorkerAsync(kill: false);
        await ReportAsync(executed, end - start, failedIndex, failedCell, failure, memory);
        var exit = failure is null ? RunExitCode.Success : failure.TimedOut ? RunExitCode.CellTimedOut : RunExitCode.CellFailed;
        return new NotebookRunResult(exit, _outputPath, executed, failure is null ? null : failedIndex, failure?.Error, memory);
    }

    private void Save()
    {
        foreach (var run in _runs.Values.Where(r => r.Dirty))
        {
            run.WriteTo();
        }
        _notebook.Save(_outputPath);
        _lastSave = _time.GetUtcNow();
    }

    private async Task<ExitingMessage?> StopWorkerAsync(bool kill)
    {
        if (_worker is null && _workerStart is not null)
        {
            try
            {
                _worker = await _workerStart;
            }
            catch (Exception e) when (e is NotebookException or OperationCanceledException)
            {
                // It never started; nothing to stop.
            }
            _workerStart = null;
        }
        if (_worker is null)
        {
            return null;
        }
        var worker = _worker;
        _worker = null;
        ExitingMessage? memory = null;
        if (!kill && worker.ExitCode is null)
        {
            memory = await worker.ShutdownAsync(TimeSpan.FromSeconds(10));
        }
        await worker.DisposeAsync();
        return memory;
    }

    private async Task ReportAsync(int executed, TimeSpan elapsed, int failedIndex, NotebookCell? failedCell, CellResult? failure, ExitingMessage? memory)
    {
        if (failure?.Error is { } error)
        {
            // The failing cell's error goes to the log too: nobody should have to open the notebook to see why CI failed.
            await _err.WriteLineAsync($"Cell {failedIndex}{IdSuffix(failedCell!)} failed: {error.EName}: {error.EValue}");
            foreach (var line in error.Traceback)
            {
                await _err.WriteLineAsync("    " + line);
            }
        }
        await _err.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(failure is null ? "Executed" : "Stopped after")} {executed} code cell{(executed == 1 ? "" : "s")} of {_options.InputPath} in {elapsed.TotalSeconds:0.##} s; wrote {_outputPath}"));
        if (_options.LogOutput && memory is not null)
        {
            await _err.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Worker memory: peak RSS {memory.PeakWorkingSetBytes / 1048576.0:0.0} MiB, RSS at exit {memory.WorkingSetBytes / 1048576.0:0.0} MiB, managed heap {memory.ManagedHeapBytes / 1048576.0:0.0} MiB"));
        }
    }

    private static string IdSuffix(NotebookCell cell) => cell.Id is { } id ? $" (id {id})" : "";
}
