namespace TickKernelExtensions.Replication;

/// <summary>
/// Tunables of a <see cref="Replicator"/> run, with documented defaults. <see cref="Validate"/> reports every bad
/// field at once.
/// </summary>
public sealed record ReplicationOptions
{
    /// <summary>Files uploaded at once (default 4).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>
    /// Bytes read from disk and not yet acknowledged by the destination, across all files and parts (default
    /// 64 MiB). Readers wait when it is reached: backpressure on bytes, not only on files.
    /// </summary>
    public long MaxBytesInFlight { get; init; } = 64L << 20;

    /// <summary>Part size of a multipart upload (default 8 MiB; S3 needs at least 5 MiB).</summary>
    public long PartSize { get; init; } = 8L << 20;

    /// <summary>Files of at least this size go up in parts when the destination has multipart uploads (default 16 MiB).</summary>
    public long MultipartThreshold { get; init; } = 16L << 20;

    /// <summary>Attempts per request (and per file for a failed verification), first one included (default 5).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First retry delay; doubles per attempt, with full jitter (default 200 ms).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest retry delay (default 10 s).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Objects up to this size are read back after upload and compared by SHA-256 (default 1 MiB); larger ones are checked by HEAD (size and sha256 metadata).</summary>
    public long ReadBackMaxBytes { get; init; } = 1L << 20;

    /// <summary>
    /// The replication manifest (JSON, rewritten atomically). Default:
    /// <c>&lt;source's parent&gt;/replication/&lt;destination slug&gt;.json</c>, i.e. <c>data/replication/…</c> for <c>data/raw</c>.
    /// </summary>
    public string? ManifestPath { get; init; }

    /// <summary>How often the manifest is rewritten while files complete (default 2 s); it is always written at the end, on cancel and when a multipart upload starts.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for throughput and retry delays (default: system clock).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ReplicationException"/> (<see cref="ReplicationErrorKind.InvalidOptions"/>) naming every bad field.</summary>
    public ReplicationOptions Validate()
    {
        var problems = new List<string>();
        if (Concurrency is < 1 or > 256)
        {
            problems.Add($"Concurrency: expected 1–256, actual {Concurrency}");
        }
        if (PartSize < 1)
        {
            problems.Add($"PartSize: expected a positive number of bytes, actual {PartSize}");
        }
        if (MaxBytesInFlight < PartSize)
        {
            problems.Add($"MaxBytesInFlight: expected at least PartSize ({PartSize}), actual {MaxBytesInFlight}");
        }
        if (MultipartThreshold < 1)
        {
            problems.Add($"MultipartThreshold: expected a positive number of bytes, actual {MultipartThreshold}");
        }
        if (MaxAttempts is < 1 or > 100)
        {
            problems.Add($"MaxAttempts: expected 1–100, actual {MaxAttempts}");
        }
        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            problems.Add($"RetryBaseDelay/RetryMaxDelay: expected 0 ≤ base ≤ max, actual {RetryBaseDelay} / {RetryMaxDelay}");
        }
        if (ReadBackMaxBytes < 0)
        {
            problems.Add($"ReadBackMaxBytes: expected ≥ 0, actual {ReadBackMaxBytes}");
        }
        if (CheckpointInterval < TimeSpan.Zero)
        {
            problems.Add($"CheckpointInterval: expected ≥ 0, actual {CheckpointInterval}");
        }
        if (problems.Count > 0)
        {
            throw new ReplicationException(ReplicationErrorKind.InvalidOptions, "Invalid replication options: " + string.Join("; ", problems) + ".");
        }
        return this;
    }
}
