namespace Ingest.Bench;

/// <summary>Command-line settings shared by the benchmarks.</summary>
/// <param name="WorkDir">Where inputs are generated and outputs written (default <c>bench/cache</c>, ignored by git).</param>
/// <param name="Rows">Rows/ticks to process; each benchmark documents its default.</param>
/// <param name="Threads">Thread count for ours and the anchor alike.</param>
internal sealed record BenchOptions(string WorkDir, long? Rows, int Threads)
{
    public static BenchOptions Parse(string[] args)
    {
        var work = Path.Combine("bench", "cache");
        long? rows = null;
        var threads = Environment.ProcessorCount;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--work": work = args[++i]; break;
                case "--rows": rows = long.Parse(args[++i].Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --work DIR, --rows N, --threads N.");
            }
        }
        return new BenchOptions(work, rows, threads);
    }
}
