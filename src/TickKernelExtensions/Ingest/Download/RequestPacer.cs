namespace TickKernelExtensions.Ingest.Download;

/// <summary>Spaces request starts evenly across all workers: at most <c>rate</c> starts per second. Thread safe.</summary>
public sealed class RequestPacer
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _nextTicks;

    public RequestPacer(double requestsPerSecond, TimeProvider time)
    {
        _interval = requestsPerSecond > 0 ? TimeSpan.FromSeconds(1 / requestsPerSecond) : TimeSpan.Zero;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Waits for this request's slot.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_interval == TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcTicks;
            var slot = Math.Max(now, _nextTicks);
            _nextTicks = slot + _interval.Ticks;
            wait = TimeSpan.FromTicks(slot - now);
        }
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _time, cancellationToken);
    }
}
