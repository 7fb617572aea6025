namespace TickKernelExtensions.Ingest.Download;

/// <summary>
/// Exponential backoff with full jitter: before attempt <c>n + 1</c> wait a uniformly random time in
/// <c>[0, min(MaxDelay, BaseDelay · 2^(n−1))]</c>; a server's Retry-After raises the wait, capped at MaxDelay.
/// Thread safe.
/// </summary>
public sealed class RetryPolicy
{
    private readonly DownloadOptions _options;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public RetryPolicy(DownloadOptions options)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _random = options.JitterSeed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>The largest wait before the attempt after <paramref name="failedAttempt"/> (1-based).</summary>
    public TimeSpan Ceiling(int failedAttempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var exponent = Math.Min(failedAttempt - 1, 30);
        var ticks = Math.Min(_options.MaxDelay.Ticks, _options.BaseDelay.Ticks * (double)(1L << exponent));
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait before the attempt after <paramref name="failedAttempt"/>.</summary>
    public TimeSpan Delay(int failedAttempt, TimeSpan? retryAfter = null)
    {
        double fraction;
        lock (_gate)
        {
            fraction = _random.NextDouble();
        }
        var jittered = TimeSpan.FromTicks((long)(Ceiling(failedAttempt).Ticks * fraction));
        if (retryAfter is { } hint && hint > jittered)
        {
            jittered = hint;
        }
        return jittered > _options.MaxDelay ? _options.MaxDelay : jittered;
    }
}
