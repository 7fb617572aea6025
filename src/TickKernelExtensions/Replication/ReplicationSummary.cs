namespace TickKernelExtensions.Replication;

/// <summary>What a replication run did.</summary>
public sealed record ReplicationSummary
{
    /// <summary>The source folder (absolute).</summary>
    public required string Source { get; init; }

    /// <summary>The destination location.</summary>
    public required string Destination { get; init; }

    /// <summary>The manifest file.</summary>
    public required string ManifestPath { get; init; }

    /// <summary>Files in the source.</summary>
    public int FilesTotal { get; init; }

    /// <summary>Files uploaded and verified in this run.</summary>
    public int FilesUploaded { get; init; }

    /// <summary>Files the manifest already recorded as replicated (same size and time): nothing sent, nothing read.</summary>
    public int FilesSkipped { get; init; }

    /// <summary>Files not in the manifest that the destination already held with the same SHA-256 (a run cut short before its checkpoint).</summary>
    public int FilesFoundAtDestination { get; init; }

    /// <summary>Files that failed, with the reason.</summary>
    public IReadOnlyList<ReplicationFailure> Failures { get; init; } = [];

    /// <summary>Source bytes in all.</summary>
    public long BytesTotal { get; init; }

    /// <summary>Bytes sent and acknowledged.</summary>
    public long BytesUploaded { get; init; }

    /// <summary>Requests retried.</summary>
    public int Retries { get; init; }

    /// <summary>Multipart uploads of earlier runs (or of other writers, for our keys) aborted at start.</summary>
    public int StaleUploadsAborted { get; init; }

    /// <summary>
    /// Multipart uploads that could not be aborted because the server does not implement it (s3rver); they stay in
    /// the manifest and are tried again next run.
    /// </summary>
    public IReadOnlyList<PendingUpload> UploadsLeftOnServer { get; init; } = [];

    /// <summary>The most bytes held in flight at once (never above the configured bound).</summary>
    public long PeakBytesInFlight { get; init; }

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when every file is replicated and verified.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Upload throughput, bytes per second.</summary>
    public double BytesPerSecond => Elapsed > TimeSpan.Zero ? BytesUploaded / Elapsed.TotalSeconds : 0;
}
