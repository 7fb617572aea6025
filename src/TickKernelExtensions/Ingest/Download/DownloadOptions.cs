using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Download;

/// <summary>
/// How the downloader behaves towards a feed. Defaults follow what keeps the Dukascopy feeds friendly
/// (a few parallel requests, about ten per second) while still making progress through 503 bursts.
/// </summary>
public sealed record DownloadOptions
{
    /// <summary>Requests in flight at once. Default 4 (users report failures above ~3–10 parallel tasks).</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Request starts per second across all workers (pacing). Default 10; 0 disables pacing.</summary>
    public double RequestsPerSecond { get; init; } = 10;

    /// <summary>Attempts per bucket, the first included. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Backoff before the second attempt; doubles per attempt, with full jitter. Default 0.5 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of any single backoff (also caps a server's Retry-After). Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one request, headers and body. Default 30 s (a stalled connection ends here).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Extra fetches of a bucket that came back empty inside trading hours before it is recorded as
    /// suspect (never as final). Default 2.
    /// </summary>
    public int EmptyRechecks { get; init; } = 2;

    /// <summary>
    /// How long after a bucket ends before it may be finalised (the feed publishes an hour only after it
    /// ends, and late). Buckets ending later than now minus this are provisional and not fetched. Default 1 h.
    /// </summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How downloaded ticks are checked before their bytes are kept. Default
    /// <see cref="TickValidationOptions.AsReceived"/>: structural errors and wrong-scale prices make a
    /// payload bad; crossed quotes are real data and kept.
    /// </summary>
    public TickValidationOptions Validation { get; init; } = TickValidationOptions.AsReceived;

    /// <summary>Seed of the backoff jitter, for reproducible tests; null (default) seeds from the system.</summary>
    public int? JitterSeed { get; init; }

    /// <summary>Throws <see cref="MarketDataException"/> listing every invalid setting at once.</summary>
    public DownloadOptions Validate()
    {
        var errors = new List<string>();
        if (MaxConcurrency is < 1 or > 64)
        {
            errors.Add($"MaxConcurrency must be 1..64 (was {MaxConcurrency})");
        }
        if (RequestsPerSecond < 0 || double.IsNaN(RequestsPerSecond))
        {
            errors.Add($"RequestsPerSecond must be >= 0 (was {RequestsPerSecond})");
        }
        if (MaxAttempts is < 1 or > 100)
        {
            errors.Add($"MaxAttempts must be 1..100 (was {MaxAttempts})");
        }
        if (BaseDelay < TimeSpan.Zero)
        {
            errors.Add($"BaseDelay must be >= 0 (was {BaseDelay})");
        }
        if (MaxDelay < BaseDelay)
        {
            errors.Add($"MaxDelay must be >= BaseDelay (was {MaxDelay} < {BaseDelay})");
        }
        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"RequestTimeout must be > 0 (was {RequestTimeout})");
        }
        if (EmptyRechecks is < 0 or > 20)
        {
            errors.Add($"EmptyRechecks must be 0..20 (was {EmptyRechecks})");
        }
        if (SettleDelay < TimeSpan.Zero)
        {
            errors.Add($"SettleDelay must be >= 0 (was {SettleDelay})");
        }
        if (Validation is null)
        {
            errors.Add("Validation must be set");
        }
        return errors.Count == 0
            ? this
            : throw new MarketDataException(MarketDataErrorKind.InvalidOptions, "Invalid download options: " + string.Join("; ", errors) + ".");
    }
}
