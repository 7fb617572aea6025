using System.Globalization;

namespace Notebook.Bench;

/// <summary>Command-line settings of the notebook benchmark.</summary>
/// <param name="WorkDir">Where the generated notebooks and outputs go (default <c>bench/out/notebook</c>, ignored by git).</param>
/// <param name="Runs">Cold-start runs of each side, interleaved (default 5).</param>
/// <param name="Cells">Cells of the long notebook for per-cell and memory numbers (default 200).</param>
/// <param name="Pipeline">The <c>pipeline.dll</c> to run (default: Pipeline.Scripts' build output of this configuration).</param>
internal sealed record BenchSettings(string WorkDir, int Runs, int Cells, string Pipeline)
{
    public static BenchSettings Parse(string[] args)
    {
        var work = Path.Combine("bench", "out", "notebook");
        var runs = 5;
        var cells = 200;
        string? pipeline = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--work": work = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--cells": cells = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pipeline": pipeline = args[++i]; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --work DIR, --runs N, --cells N, --pipeline PATH.");
            }
        }
        if (runs < 1 || cells < 30)
        {
            throw new ArgumentException($"--runs must be at least 1 (got {runs}) and --cells at least 30 (got {cells}).");
        }
        return new BenchSettings(Path.GetFullPath(work), runs, cells, Path.GetFullPath(pipeline ?? DefaultPipeline()));
    }

    // bench/Notebook.Bench's output is artifacts/bin/Notebook.Bench/<config>/; the runner's is artifacts/bin/Pipeline.Scripts/<config>/.
    private static string DefaultPipeline()
    {
        var config = new DirectoryInfo(AppContext.BaseDirectory).Name;
        return Path.Combine(AppContext.BaseDirectory, "..", "..", "Pipeline.Scripts", config, "pipeline.dll");
    }
}
