namespace TickKernelExtensions.Ingest.Download;

/// <summary>A progress snapshot: buckets done of total, how they ended so far, and bytes received.</summary>
public sealed record DownloadProgress(int Total, int Done, int Stored, int Skipped, int Problems, long Bytes, string? Last);
