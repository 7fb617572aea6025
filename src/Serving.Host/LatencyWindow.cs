namespace Serving.Host;

/// <summary>
/// The scoring latencies of the last <see cref="Capacity"/> ticks, for the dashboard's p50/p99 (the Prometheus
/// histogram in <see cref="ServingMetrics"/> holds all of them, in buckets). Thread safe.
/// </summary>
internal sealed class LatencyWindow
{
    /// <summary>Ticks kept.</summary>
    public const int Capacity = 1024;

    private readonly Lock _lock = new();
    private readonly double[] _seconds = new double[Capacity];
    private long _count;

    public void Add(TimeSpan scoring)
    {
        lock (_lock)
        {
            _seconds[_count % Capacity] = scoring.TotalSeconds;
            _count++;
        }
    }

    /// <summary>Ticks in the window and their nearest-rank p50 and p99 in microseconds (0 when empty).</summary>
    public (int Count, double P50Micros, double P99Micros) Summary()
    {
        double[] copy;
        lock (_lock)
        {
            copy = _seconds[..(int)Math.Min(_count, Capacity)];
        }
        if (copy.Length == 0)
        {
            return (0, 0, 0);
        }
        Array.Sort(copy);
        double At(double q) => copy[Math.Clamp((int)Math.Ceiling(q * copy.Length) - 1, 0, copy.Length - 1)] * 1e6;
        return (copy.Length, At(0.50), At(0.99));
    }
}
