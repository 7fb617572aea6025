using System.Globalization;

namespace Modeling.Bench;

/// <summary>Command-line options of the modeling benchmark, with their defaults (about 1–2 minutes on 2 cores).</summary>
internal sealed record BenchOptions
{
    /// <summary>Calendar days simulated from Monday 2024-01-08 (weekends have no ticks); default 56.</summary>
    public int Days { get; init; } = 56;

    /// <summary>The simulator's tick-rate scale; default 1 (the rows are minute bars, so this changes the ticks, not the row count).</summary>
    public double TickRate { get; init; } = 1.0;

    /// <summary>Timed runs per row, after one warm-up; default 7.</summary>
    public int Runs { get; init; } = 7;

    /// <summary>Threads of the multi-threaded scoring rows; default 2.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Rows scored per throughput run; default 400,000.</summary>
    public int ScoreCalls { get; init; } = 400_000;

    /// <summary>Timed one-row calls per scorer; default 200,000.</summary>
    public int LatencyCalls { get; init; } = 200_000;

    /// <summary>Untimed one-row calls per scorer before the latency is measured; default 20,000.</summary>
    public int WarmUp { get; init; } = 20_000;

    /// <summary>The simulator's seed; default 7.</summary>
    public long Seed { get; init; } = 7;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            o = args[i] switch
            {
                "--days" => o with { Days = Int(args, ++i) },
                "--tick-rate" => o with { TickRate = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--runs" => o with { Runs = Int(args, ++i) },
                "--threads" => o with { Threads = Int(args, ++i) },
                "--score-calls" => o with { ScoreCalls = Int(args, ++i) },
                "--latency-calls" => o with { LatencyCalls = Int(args, ++i) },
                "--warm-up" => o with { WarmUp = Int(args, ++i) },
                "--seed" => o with { Seed = long.Parse(args[++i], CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --days N, --tick-rate X, --runs N, --threads N, --score-calls N, --latency-calls N, --warm-up N, --seed N."),
            };
        }
        var errors = new List<string>();
        if (o.Days < 7)
        {
            errors.Add($"--days must be at least 7 (a split needs several days), was {o.Days}");
        }
        if (!(o.TickRate > 0))
        {
            errors.Add($"--tick-rate must be positive, was {o.TickRate.ToString(CultureInfo.InvariantCulture)}");
        }
        foreach (var (name, value) in new[] { ("--runs", o.Runs), ("--threads", o.Threads), ("--score-calls", o.ScoreCalls), ("--latency-calls", o.LatencyCalls) })
        {
            if (value < 1)
            {
                errors.Add($"{name} must be at least 1, was {value}");
            }
        }
        if (o.WarmUp < 0)
        {
            errors.Add($"--warm-up must not be negative, was {o.WarmUp}");
        }
        return errors.Count == 0 ? o : throw new ArgumentException(string.Join("; ", errors) + ".");
    }

    private static int Int(string[] args, int i) => int.Parse(args[i], CultureInfo.InvariantCulture);
}
