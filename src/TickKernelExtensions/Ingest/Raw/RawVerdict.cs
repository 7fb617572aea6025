namespace TickKernelExtensions.Ingest.Raw;

/// <summary>What happened to one raw file, as recorded in the manifest.</summary>
public enum RawVerdict
{
    /// <summary>Validated bytes were stored (write-once).</summary>
    Stored,
    /// <summary>The same bytes were offered again: nothing written.</summary>
    AlreadyStored,
    /// <summary>An empty body for a bucket the market is expected to be closed: final, nothing stored.</summary>
    EmptyClosed,
    /// <summary>An empty body inside trading hours, still empty after re-checks: not final, re-fetched next run.</summary>
    EmptySuspect,
    /// <summary>The source has no such file (HTTP 404 or a missing mirror file): re-fetched next run.</summary>
    NotFound,
    /// <summary>Every attempt failed (5xx, timeouts, corrupt payloads): re-fetched next run.</summary>
    Failed,
    /// <summary>Different bytes were offered for an existing file: the original is kept.</summary>
    Conflict,
    /// <summary>The bucket has not ended (or not settled) yet: never fetched as final.</summary>
    Provisional,
}
