using System.Globalization;

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// How <see cref="IIcebergCatalog.CommitWithRetryAsync"/> retries a commit that lost its race. The defaults are
/// Iceberg's table-property defaults (<c>commit.retry.num-retries=4</c>, <c>min-wait-ms=100</c>,
/// <c>max-wait-ms=60000</c>): 5 attempts. The wait before retry <c>n</c> is drawn uniformly from
/// <c>[0, min(MaxBackoff, MinBackoff·2^(n-1))]</c> ("full jitter"), so racing writers spread out.
/// </summary>
public sealed record CommitRetryOptions
{
    /// <summary>Attempts in all, the first included (default 5; at least 1).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The backoff ceiling before the first retry; it doubles per retry (default 100 ms).</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest backoff ceiling (default 60 s).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Throws <see cref="CatalogErrorKind.InvalidOptions"/> naming every bad field at once.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (MaxAttempts < 1)
        {
            errors.Add($"{nameof(MaxAttempts)} must be at least 1 (actual {MaxAttempts.ToString(CultureInfo.InvariantCulture)})");
        }
        if (MinBackoff < TimeSpan.Zero)
        {
            errors.Add($"{nameof(MinBackoff)} must not be negative (actual {MinBackoff})");
        }
        if (MaxBackoff < MinBackoff)
        {
            errors.Add($"{nameof(MaxBackoff)} must be at least {nameof(MinBackoff)} (actual {MaxBackoff} < {MinBackoff})");
        }
        if (errors.Count > 0)
        {
            throw new CatalogException(CatalogErrorKind.InvalidOptions, "Invalid commit retry options: " + string.Join("; ", errors));
        }
    }

    /// <summary>The jittered wait before retry number <paramref name="retry"/> (1-based).</summary>
    internal TimeSpan Backoff(int retry, Random random)
    {
        var ceiling = MinBackoff.Ticks * Math.Pow(2, Math.Min(retry - 1, 40));
        var capped = Math.Min(ceiling, MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)(random.NextDouble() * capped));
    }
}
