using System.Diagnostics;

namespace Bench.Shared;

/// <summary>Latency percentiles in microseconds (nearest rank).</summary>
internal sealed record Percentiles(double P50, double P99, double P999, double Max, double Mean)
{
    public static Percentiles Of(long[] stopwatchTicks)
    {
        var sorted = stopwatchTicks.Select(t => t * 1e6 / Stopwatch.Frequency).Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling((q * sorted.Length) - 1e-9) - 1, 0, sorted.Length - 1)];
        return new Percentiles(At(0.50), At(0.99), At(0.999), sorted[^1], sorted.Average());
    }
}
