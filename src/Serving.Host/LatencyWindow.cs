namespace Serving.Host;

/// <summary>
/// The scoring latencies of the last <see cref="Capacity"/> ticks, for the dashboard's p50/p99 (the Prometheus
/// histogram in <see cref="ServingMetrics"/> holds all of them, in buckets). Thread safe and lock free: every scored
/// tick writes here, from every request thread, and a lock there is one more place where a thread preempted while
/// holding it (2 cores, many threads) stalls the others. A reader may see a slot being overwritten, which moves a
/// percentile of the last thousand ticks by one sample.
/// </summary>
internal sealed class LatencyWindow
{
    /// <summary>Ticks kept.</summary>
    public const int Capacity = 1024;

    private readonly double[] _seconds = new double[Capacity];
    private long _count;

    /// <summary>Records one tick's scoring time.</summary>
    public void Add(TimeSpan scoring)
    {
        var slot = Interlocked.Increment(ref _count) - 1;
        Volatile.Write(ref _seconds[slot % Capacity], scoring.TotalSeconds);
    }

    /// <summary>How many ticks the window holds, and their p50 and p99 in microseconds (zeros when empty).</summary>
    public (int Count, double P50Micros, double P99Micros) Summary()
    {
        var count = (int)Math.Min(Interlocked.Read(ref _count), Capacity);
        if (count == 0)
        {
            return (0, 0, 0);
        }
        var copy = _seconds[..count];
        Array.Sort(copy);
        double At(double q) => copy[Math.Clamp((int)Math.Ceiling(q * copy.Length) - 1, 0, copy.Length - 1)] * 1e6;
        return (copy.Length, At(0.50), At(0.99));
    }
}
