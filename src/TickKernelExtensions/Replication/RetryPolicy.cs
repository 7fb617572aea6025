using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Replication;

/// <summary>
/// Bounded retries with exponential backoff and full jitter (delay drawn from [0, min(max, base·2^n)]) for
/// failures worth retrying: <see cref="ObjectStoreErrorKind.Transient"/> store errors (5xx, throttling, timeouts,
/// connection resets). Everything else fails at once. Thread safe.
/// </summary>
internal sealed class RetryPolicy(ReplicationOptions options, Action<string, int, Exception> onRetry)
{
    private readonly Random _jitter = new();
    private readonly Lock _gate = new();

    public async Task<T> ExecuteAsync<T>(string what, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken);
            }
            catch (ObjectStoreException e) when (e.IsTransient && attempt < options.MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                onRetry(what, attempt, e);
                await Task.Delay(Delay(attempt), options.Time, cancellationToken);
            }
        }
    }

    public async Task ExecuteAsync(string what, Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        await ExecuteAsync<bool>(what, async ct =>
        {
            await operation(ct);
            return true;
        }, cancellationToken);

    /// <summary>The delay before retry number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Delay(int attempt)
    {
        var ceiling = Math.Min(options.RetryMaxDelay.Ticks, options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 30)));
        double draw;
        lock (_gate)
        {
            draw = _jitter.NextDouble();
        }
        return TimeSpan.FromTicks((long)(ceiling * draw));
    }
}
