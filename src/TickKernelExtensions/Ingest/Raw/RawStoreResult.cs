namespace TickKernelExtensions.Ingest.Raw;

/// <summary>The outcome of <see cref="RawZone.Store"/>.</summary>
/// <param name="FullPath">The file on disk.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="Written">True when this call created the file; false when identical bytes were already there.</param>
public sealed record RawStoreResult(string FullPath, string Sha256, long Size, bool Written);
