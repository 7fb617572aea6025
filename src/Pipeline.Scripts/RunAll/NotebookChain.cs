using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Scripts.Notebooks;
using Pipeline.Scripts.Notebooks.Document;
using Pipeline.Scripts.Notebooks.Parameters;
using Pipeline.Scripts.Reports;
using TickKernelExtensions.Display;

namespace Pipeline.Scripts.RunAll;

/// <summary>
/// Runs the stage notebooks in order with <see cref="NotebookRunner"/> — each in its own worker process — and
/// writes, per notebook, the executed notebook and an offline HTML report, then <c>summary.json</c> and
/// <c>summary.md</c> (status, duration, key figures). Stops at the first failure unless told to keep going:
/// later stages read what earlier ones published.
/// </summary>
internal static class NotebookChain
{
    /// <summary>The chain's notebooks: <c>NN-*.ipynb</c>, in name order.</summary>
    public static IReadOnlyList<string> Discover(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.ipynb")
                .Where(p => char.IsDigit(Path.GetFileName(p)[0]) && !p.EndsWith(NotebookRunOptions.ExecutedSuffix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public static async Task<IReadOnlyList<NotebookOutcome>> RunAsync(RunAllOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var notebooks = Select(Discover(options.NotebooksDirectory), options);
        var declared = notebooks.ToDictionary(n => n, DeclaredParameters);
        var unknown = options.Parameters.Select(p => p.Name).Where(name => !declared.Values.Any(d => d.Contains(name))).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new NotebookException(NotebookErrorKind.Usage,
                $"No notebook of the chain declares parameter(s) {string.Join(", ", unknown)}. Declared: " +
                string.Join("; ", declared.Select(d => $"{Path.GetFileNameWithoutExtension(d.Key)}: {string.Join(", ", d.Value.Order())}")));
        }
        Directory.CreateDirectory(options.OutputDirectory);
        var outcomes = new List<NotebookOutcome>();
        var stopped = false;
        foreach (var notebook in notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(notebook);
            if (stopped)
            {
                outcomes.Add(new NotebookOutcome(name, "skipped", null, TimeSpan.Zero, null, null, "an earlier notebook failed", []));
                continue;
            }
            await output.WriteLineAsync($"== {name}");
            var executed = Path.Combine(options.OutputDirectory, name + ".ipynb");
            var started = Stopwatch.GetTimestamp();
            var result = await NotebookRunner.RunAsync(new NotebookRunOptions
            {
                InputPath = notebook,
                OutputPath = executed,
                Parameters = options.Parameters.Where(p => declared[notebook].Contains(p.Name)).ToList(),
                ExecutionTimeout = options.ExecutionTimeout,
                LogOutput = options.LogOutput,
            }, output, error, TimeProvider.System, cancellationToken);
            var duration = Stopwatch.GetElapsedTime(started);
            var outcome = Summarise(name, result, executed, options.OutputDirectory, duration);
            outcomes.Add(outcome);
            await output.WriteLineAsync($"   {outcome.Status} in {duration.TotalSeconds:0.0} s → {executed}");
            stopped = outcome.Status != "completed" && !options.KeepGoing;
        }
        RunAllSummary.Write(options.OutputDirectory, outcomes);
        return outcomes;
    }

    private static NotebookOutcome Summarise(string name, NotebookRunResult result, string executed, string outputDirectory, TimeSpan duration)
    {
        var status = result.ExitCode switch
        {
            RunExitCode.Success => "completed",
            RunExitCode.CellTimedOut => "timed out",
            _ => "failed",
        };
        if (!File.Exists(executed))
        {
            return new NotebookOutcome(name, status, result.ExitCode, duration, null, null, result.Error?.EValue, []);
        }
        var json = JsonNode.Parse(File.ReadAllText(executed))!;
        var report = Path.Combine(outputDirectory, name + ".html");
        AtomicFile.WriteAllText(report, NotebookHtmlReport.Render(json, name, OfflineHtml.PlotlyScriptTag()));
        return new NotebookOutcome(name, status, result.ExitCode, duration, Path.GetFileName(executed), Path.GetFileName(report),
            result.Error is { } e ? $"{e.EName}: {e.EValue}" : null, KeyFiguresIn(json));
    }

    /// <summary>Every key-figures bundle in the notebook's outputs, in cell order.</summary>
    internal static List<JsonObject> KeyFiguresIn(JsonNode notebook) =>
        (notebook["cells"]?.AsArray() ?? [])
            .SelectMany(c => c?["outputs"]?.AsArray() ?? [])
            .Select(o => o?["data"]?[KeyFigures.MimeType])
            .Select(d => d switch
            {
                JsonObject obj => obj.DeepClone().AsObject(),
                JsonArray lines => TryParse(string.Concat(lines.Select(l => (string?)l))),
                JsonValue v when v.TryGetValue<string>(out var text) => TryParse(text),
                _ => null,
            })
            .OfType<JsonObject>()
            .ToList();

    // A bundle that is not JSON (its formatter failed and left its error text) is not a key-figures object: skipped,
    // the cell's own output shows the error.
    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<string> Select(IReadOnlyList<string> notebooks, RunAllOptions options)
    {
        if (notebooks.Count == 0)
        {
            throw new NotebookException(NotebookErrorKind.Usage, $"No stage notebooks (NN-name.ipynb) in '{options.NotebooksDirectory}'.");
        }
        IEnumerable<string> selected = notebooks;
        if (options.From is { } from)
        {
            var start = IndexOf(notebooks, from, "--from");
            selected = notebooks.Skip(start);
        }
        if (options.Only.Count > 0)
        {
            var only = options.Only.Select(o => notebooks[IndexOf(notebooks, o, "--only")]).ToHashSet();
            selected = selected.Where(only.Contains);
        }
        return selected.ToList();
    }

    private static int IndexOf(IReadOnlyList<string> notebooks, string key, string option)
    {
        var stem = key.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? key[..^6] : key;
        for (var i = 0; i < notebooks.Count; i++)
        {
            var name = Path.GetFileNameWithoutExtension(notebooks[i]);
            if (name == stem || name.StartsWith(stem + "-", StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new NotebookException(NotebookErrorKind.Usage,
            $"{option}: no notebook matches '{key}'. The chain: {string.Join(", ", notebooks.Select(Path.GetFileNameWithoutExtension))}.");
    }

    private static HashSet<string> DeclaredParameters(string notebook)
    {
        var cell = NotebookDocument.Load(notebook).Cells.FirstOrDefault(c => c.IsCode && c.HasTag("parameters"));
        return cell is null ? [] : ParameterCellParser.Parse(cell.Source).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}
