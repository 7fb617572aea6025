using System.Globalization;

namespace Backtest.Bench;

/// <summary>Command-line options of the backtest benchmark, with their defaults (about 3–5 minutes on 2 cores).</summary>
internal sealed record BenchOptions
{
    /// <summary>Ticks of the throughput rows (plain strategy, model in the loop, anchor); default 10,000,000.</summary>
    public int Ticks { get; init; } = 10_000_000;

    /// <summary>Timed runs per row, after one warm-up, interleaved across rows; default 5.</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Thread counts to run each throughput row with; default 1 and 2. N threads = N independent backtests on N contiguous parts of the ticks.</summary>
    public IReadOnlyList<int> Threads { get; init; } = [1, 2];

    /// <summary>Ticks of the walk-forward mode (the first ones of the same series); default 1,600,000: Monday 00:00 to about Friday 15:00 of the first week, so no trading window falls on the weekend.</summary>
    public int WalkForwardTicks { get; init; } = 1_600_000;

    /// <summary>Modes to run: <c>plain</c>, <c>model</c>, <c>wf</c>; default all three.</summary>
    public IReadOnlySet<string> Modes { get; init; } = new HashSet<string>(["plain", "model", "wf"], StringComparer.Ordinal);

    /// <summary>Seed of the tick generator; default 7.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Where the trained model bundle is cached; default <c>bench/cache</c> (relative to the working directory).</summary>
    public string Work { get; init; } = Path.Combine("bench", "cache");

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            o = args[i] switch
            {
                "--ticks" => o with { Ticks = Int(args, ++i) },
                "--runs" => o with { Runs = Int(args, ++i) },
                "--threads" => o with { Threads = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--wf-ticks" => o with { WalkForwardTicks = Int(args, ++i) },
                "--modes" => o with { Modes = new HashSet<string>(args[++i].Split(','), StringComparer.Ordinal) },
                "--seed" => o with { Seed = Int(args, ++i) },
                "--work" => o with { Work = args[++i] },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --ticks N, --runs N, --threads 1,2, --wf-ticks N, --modes plain,model,wf, --seed N, --work DIR."),
            };
        }
        var errors = new List<string>();
        if (o.Ticks < 100_000)
        {
            errors.Add($"--ticks must be at least 100,000, was {o.Ticks}");
        }
        if (o.Runs < 1)
        {
            errors.Add($"--runs must be at least 1, was {o.Runs}");
        }
        if (o.Threads.Count == 0 || o.Threads.Any(t => t < 1))
        {
            errors.Add($"--threads must list thread counts ≥ 1, was {string.Join(',', o.Threads)}");
        }
        if (o.WalkForwardTicks < 500_000)
        {
            errors.Add($"--wf-ticks must be at least 500,000 (ten folds need a few days of minute bars), was {o.WalkForwardTicks}");
        }
        var unknown = o.Modes.Except(["plain", "model", "wf"]).ToList();
        if (unknown.Count > 0 || o.Modes.Count == 0)
        {
            errors.Add($"--modes takes plain, model and/or wf, was {string.Join(',', o.Modes)}");
        }
        return errors.Count == 0 ? o : throw new ArgumentException(string.Join("; ", errors) + ".");
    }

    private static int Int(string[] args, int i) => int.Parse(args[i], CultureInfo.InvariantCulture);
}
