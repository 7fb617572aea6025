namespace Serving.Host;

/// <summary>
/// The last <see cref="Capacity"/> served signals, for the dashboard; newest first when read. Thread safe and lock
/// free (a ring written by sequence number: each signal takes the next one), like <see cref="LatencyWindow"/>.
/// </summary>
internal sealed class RecentSignals
{
    /// <summary>Signals kept.</summary>
    public const int Capacity = 50;

    private readonly Entry?[] _ring = new Entry?[Capacity];
    private long _next;

    public void Add(SignalEvent e)
    {
        var sequence = Interlocked.Increment(ref _next) - 1;
        Volatile.Write(ref _ring[sequence % Capacity], new Entry(sequence, e));
    }

    public List<SignalEvent> NewestFirst() =>
        [.. _ring.Select(slot => Volatile.Read(ref slot)).OfType<Entry>().OrderByDescending(x => x.Sequence).Select(x => x.Signal)];

    private sealed record Entry(long Sequence, SignalEvent Signal);
}
