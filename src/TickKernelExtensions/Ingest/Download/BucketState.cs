namespace TickKernelExtensions.Ingest.Download;

/// <summary>Where a bucket stands after a download run.</summary>
public enum BucketState
{
    /// <summary>Fetched, validated and stored in the raw zone by this run.</summary>
    Stored,
    /// <summary>Already in the raw zone (or known closed) from an earlier run: not fetched again.</summary>
    AlreadyPresent,
    /// <summary>Empty, and the market is expected to be closed: final.</summary>
    ExpectedClosed,
    /// <summary>Empty inside trading hours after every re-check: not final, re-fetched next run.</summary>
    EmptySuspect,
    /// <summary>The source has no such file.</summary>
    NotFound,
    /// <summary>Every attempt failed.</summary>
    Failed,
    /// <summary>Different bytes than the stored raw file: the original was kept.</summary>
    Conflict,
    /// <summary>The bucket has not ended or not settled yet: not fetched.</summary>
    Provisional,
}
