using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Notebook.Bench;

/// <summary>
/// <c>pipeline run</c> against the anchor (<see cref="PlainRoslynAnchor"/>): the cold start of a
/// ten-cell notebook as the wall time of the whole process, interleaved run by run; the cost per cell
/// after warm-up on a long notebook (the runner's papermill durations, measured by its parent process
/// around each cell, against the anchor's time per <c>ContinueWithAsync</c>); and resident memory
/// after the long notebook, with growth per cell.
/// </summary>
internal static partial class NotebookRunnerBenchmark
{
    private const int WarmFrom = 20;

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        if (!File.Exists(settings.Pipeline))
        {
            await Console.Error.WriteLineAsync($"pipeline.dll not found at {settings.Pipeline}; build src/Pipeline.Scripts in this configuration or pass --pipeline PATH.");
            return 2;
        }
        var ten = Path.Combine(settings.WorkDir, "ten.ipynb");
        var many = Path.Combine(settings.WorkDir, $"cells{settings.Cells}.ipynb");
        TrivialNotebook.Write(ten, 10);
        TrivialNotebook.Write(many, settings.Cells);
        Console.WriteLine($"pipeline: {settings.Pipeline}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        // One untimed run of each side: file cache and disk, not what we measure.
        await Anchor(ten);
        await Ours(ten, "ten.out.ipynb");

        var anchorCold = new List<double>();
        var oursCold = new List<double>();
        for (var run = 0; run < settings.Runs; run++)
        {
            // Alternate which side goes first, so both see the same load on average.
            if (run % 2 == 0)
            {
                anchorCold.Add((await Anchor(ten)).Wall.TotalSeconds);
                oursCold.Add((await Ours(ten, "ten.out.ipynb")).Wall.TotalSeconds);
            }
            else
            {
                oursCold.Add((await Ours(ten, "ten.out.ipynb")).Wall.TotalSeconds);
                anchorCold.Add((await Anchor(ten)).Wall.TotalSeconds);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"cold start: 10 trivial cells, wall time of the whole process, {settings.Runs} interleaved runs each");
        Console.WriteLine("| side | median s | best s |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(Row("anchor: plain Roslyn scripting, one process", anchorCold));
        Console.WriteLine(Row("ours: pipeline run (parent + worker process)", oursCold));
        Console.WriteLine(F($"ours - anchor: median {Stats.Median(oursCold) - Stats.Median(anchorCold):0.00} s, best {oursCold.Min() - anchorCold.Min():0.00} s; target: ours under 3 s"));

        var anchorTen = PlainRoslynAnchor.Parse((await Anchor(ten)).Output);
        var oursTen = await Ours(ten, "ten.out.ipynb", "--log-output");
        var anchorMany = await Anchor(many);
        var anchorManyParsed = PlainRoslynAnchor.Parse(anchorMany.Output);
        var oursMany = await Ours(many, "many.out.ipynb", "--log-output");
        var oursCells = PapermillDurations(Path.Combine(settings.WorkDir, "many.out.ipynb"));
        var window = settings.Cells - WarmFrom;
        var anchorPerCell = anchorManyParsed.CellMs.Skip(WarmFrom).ToList();
        var oursPerCell = oursCells.Skip(WarmFrom).ToList();
        Console.WriteLine();
        Console.WriteLine($"per cell after warm-up: cells {WarmFrom}-{settings.Cells - 1} of a {settings.Cells}-cell notebook ({window} cells)");
        Console.WriteLine("| side | median ms | mean ms |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(F($"| anchor: ContinueWithAsync | {Stats.Median(anchorPerCell):0.0} | {anchorPerCell.Average():0.0} |"));
        Console.WriteLine(F($"| ours: papermill duration (parent, around the cell) | {Stats.Median(oursPerCell):0.0} | {oursPerCell.Average():0.0} |"));
        Console.WriteLine(F($"overhead per cell: median {Stats.Median(oursPerCell) - Stats.Median(anchorPerCell):0.0} ms, mean {oursPerCell.Average() - anchorPerCell.Average():0.0} ms; target under 10 ms"));
        Console.WriteLine(F($"whole {settings.Cells}-cell run: anchor {anchorMany.Wall.TotalSeconds:0.00} s, ours {oursMany.Wall.TotalSeconds:0.00} s"));

        var (workerPeak, workerRss) = WorkerMemory(oursMany.Error);
        var (_, workerRssTen) = WorkerMemory(oursTen.Error);
        Console.WriteLine();
        Console.WriteLine($"memory after {settings.Cells} cells (MiB)");
        Console.WriteLine("| side | RSS at end | peak RSS | growth per cell, KiB (RSS after 10 → after " + settings.Cells + ") |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(F($"| anchor: the one process | {Mib(anchorManyParsed.Rss):0.0} | {Mib(anchorManyParsed.Peak):0.0} | {(anchorManyParsed.Rss - anchorTen.Rss) / 1024.0 / (settings.Cells - 10):0} |"));
        Console.WriteLine(F($"| ours: worker process | {Mib(workerRss):0.0} | {Mib(workerPeak):0.0} | {(workerRss - workerRssTen) / 1024.0 / (settings.Cells - 10):0} |"));
        Console.WriteLine(F($"| ours: parent process | - | {Mib(oursMany.PeakRss):0.0} | - |"));
        Console.WriteLine("The worker's memory is returned to the system when the notebook ends; the parent holds only the notebook.");
        return 0;

        async Task<TimedProcess> Anchor(string notebook)
        {
            var result = await TimedProcess.RunAsync(TimedProcess.Dotnet, [Path.Combine(AppContext.BaseDirectory, "Notebook.Bench.dll"), PlainRoslynAnchor.Mode, notebook]);
            return result.Exit == 0 ? result : throw new InvalidOperationException($"anchor failed ({result.Exit}): {result.Error}");
        }

        async Task<TimedProcess> Ours(string notebook, string output, params string[] extra)
        {
            var result = await TimedProcess.RunAsync(TimedProcess.Dotnet, [settings.Pipeline, "run", notebook, Path.Combine(settings.WorkDir, output), .. extra]);
            return result.Exit == 0 ? result : throw new InvalidOperationException($"pipeline run failed ({result.Exit}): {result.Error}");
        }
    }

    private static IReadOnlyList<double> PapermillDurations(string notebook) =>
        JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => (double)c!["metadata"]!["papermill"]!["duration"]! * 1000)
            .ToList();

    private static (long Peak, long Rss) WorkerMemory(string stderr)
    {
        var match = WorkerMemoryLine().Match(stderr);
        if (!match.Success)
        {
            throw new InvalidOperationException($"No worker memory line in: {stderr}");
        }
        static long Bytes(Group g) => (long)(double.Parse(g.Value, CultureInfo.InvariantCulture) * 1048576);
        return (Bytes(match.Groups["peak"]), Bytes(match.Groups["rss"]));
    }

    private static string Row(string side, List<double> seconds) => F($"| {side} | {Stats.Median(seconds):0.00} | {seconds.Min():0.00} |");

    private static double Mib(long bytes) => bytes / 1048576.0;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Worker memory: peak RSS (?<peak>[0-9.]+) MiB, RSS at exit (?<rss>[0-9.]+) MiB")]
    private static partial Regex WorkerMemoryLine();
}
