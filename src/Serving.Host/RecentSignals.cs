namespace Serving.Host;

/// <summary>The last <see cref="Capacity"/> served signals, for the dashboard; newest first when read. Thread safe.</summary>
internal sealed class RecentSignals
{
    /// <summary>Signals kept.</summary>
    public const int Capacity = 50;

    private readonly Lock _lock = new();
    private readonly Queue<SignalEvent> _signals = new();

    public void Add(SignalEvent e)
    {
        lock (_lock)
        {
            _signals.Enqueue(e);
            if (_signals.Count > Capacity)
            {
                _signals.Dequeue();
            }
        }
    }

    public List<SignalEvent> NewestFirst()
    {
        lock (_lock)
        {
            return [.. _signals.Reverse()];
        }
    }
}
