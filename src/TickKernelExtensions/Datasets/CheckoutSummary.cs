namespace TickKernelExtensions.Datasets;

/// <summary>What a checkout changed in the workspace.</summary>
/// <param name="FilesWritten">Files restored from the cache (each atomically: temporary file, flush, rename).</param>
/// <param name="FilesUnchanged">Files that already held the recorded bytes.</param>
/// <param name="FilesDeleted">Files inside a tracked directory that the recorded version does not have.</param>
/// <param name="BytesWritten">Bytes copied from the cache.</param>
public sealed record CheckoutSummary(int FilesWritten, int FilesUnchanged, int FilesDeleted, long BytesWritten);
