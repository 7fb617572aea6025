using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kernel.Bench;

// Usage: dotnet run -c Release --project bench/Kernel.Bench -- [--runs N] [--cells N]
// Kernel (start → first execute_result; empty-cell round trip) against `pipeline run` on the same notebook.
var runs = Option("--runs", 5);
var cells = Option("--cells", 200);
const string EmptyCell = "// an empty cell";
// The .NET host that runs this benchmark: <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet.
var dotnet = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
var pipeline = Path.Combine(AppContext.BaseDirectory, "pipeline.dll");
var work = Directory.CreateTempSubdirectory("kernel-bench-").FullName;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"== kernel: {runs} runs, {cells} empty cells; pipeline {pipeline}");

try
{
    var one = Path.Combine(work, "one.ipynb");
    var many = Path.Combine(work, "many.ipynb");
    WriteNotebook(one, ["1 + 1"]);
    WriteNotebook(many, ["1 + 1", .. Enumerable.Repeat(EmptyCell, cells)]);
    var kernelFirst = new List<double>();
    var kernelCells = new List<double>();
    var runnerFirst = new List<double>();
    var runnerPerCell = new List<double>();
    // Kernel and runner alternate, run by run, so both see the same load on a shared machine.
    for (var run = 0; run < runs; run++)
    {
        var clock = Stopwatch.StartNew();
        using (var kernel = KernelClient.Start(dotnet, pipeline, work))
        {
            kernel.WaitForReady(TimeSpan.FromSeconds(60));
            var result = kernel.Execute("1 + 1");
            kernelFirst.Add(clock.Elapsed.TotalMilliseconds);
            if (result != "2")
            {
                throw new InvalidOperationException($"expected the first cell to give 2, got '{result}'");
            }
            for (var i = 0; i < cells; i++)
            {
                var cell = Stopwatch.StartNew();
                kernel.Execute(EmptyCell);
                kernelCells.Add(cell.Elapsed.TotalMilliseconds);
            }
        }
        var first = RunNotebook(one);
        runnerFirst.Add(first);
        runnerPerCell.Add((RunNotebook(many) - first) / cells);
        Console.WriteLine($"run {run + 1}: kernel first result {kernelFirst[^1]:0} ms, runner {first:0} ms");
    }

    Console.WriteLine();
    Console.WriteLine("| measure | kernel (ms) | pipeline run (ms) |");
    Console.WriteLine("|---|---:|---:|");
    Console.WriteLine($"| start → first result (`1 + 1`), median of {runs} | {Median(kernelFirst):0} | {Median(runnerFirst):0} |");
    Console.WriteLine($"| empty cell round trip, median of {kernelCells.Count} | {Median(kernelCells):0.0} | {Median(runnerPerCell):0.0} (per cell, from {runs} × {cells}) |");
    Console.WriteLine($"| empty cell round trip, p95 | {Percentile(kernelCells, 0.95):0.0} | – |");
    Console.WriteLine($"| empty cell round trip, max | {kernelCells.Max():0.0} | – |");
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

double RunNotebook(string path)
{
    var info = new ProcessStartInfo(dotnet) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
    foreach (var arg in new[] { pipeline, "run", path, path + ".out.ipynb" })
    {
        info.ArgumentList.Add(arg);
    }
    info.Environment["DOTNET_TieredPGO"] = "0";
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"pipeline run {path} exited {process.ExitCode}: {stdout.Result}{stderr.Result}");
    }
    return clock.Elapsed.TotalMilliseconds;
}

static void WriteNotebook(string path, IEnumerable<string> codes)
{
    var cells = new JsonArray(codes.Select((code, i) => (JsonNode?)new JsonObject
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = $"c{i}",
        ["metadata"] = new JsonObject(),
        ["outputs"] = new JsonArray(),
        ["source"] = code,
    }).ToArray());
    var notebook = new JsonObject
    {
        ["cells"] = cells,
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = "C# (tick workbench)", ["language"] = "C#", ["name"] = "tick-csharp" } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };
    File.WriteAllText(path, notebook.ToJsonString());
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
