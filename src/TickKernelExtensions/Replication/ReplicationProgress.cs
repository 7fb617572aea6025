namespace TickKernelExtensions.Replication;

/// <summary>Progress of a replication run, reported after every file and every part.</summary>
/// <param name="FilesDone">Files finished (uploaded, already there, or failed).</param>
/// <param name="FilesTotal">Files in the source.</param>
/// <param name="BytesDone">Source bytes finished (including files skipped as already replicated).</param>
/// <param name="BytesTotal">Source bytes in all.</param>
/// <param name="BytesUploaded">Bytes sent and acknowledged in this run (retries not counted twice).</param>
/// <param name="Retries">Requests retried so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="LastPath">The file last worked on.</param>
public sealed record ReplicationProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, long BytesUploaded, int Retries, TimeSpan Elapsed, string? LastPath)
{
    /// <summary>Upload throughput so far, bytes per second.</summary>
    public double BytesPerSecond => Elapsed > TimeSpan.Zero ? BytesUploaded / Elapsed.TotalSeconds : 0;
}
