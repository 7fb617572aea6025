namespace TickKernelExtensions.Columnar;

/// <summary>A partition file made visible by a commit, with what later stages (Iceberg manifests) need to know of it.</summary>
/// <param name="Symbol">The partition's symbol.</param>
/// <param name="Date">The partition's UTC date.</param>
/// <param name="Path">Absolute path of the committed file.</param>
/// <param name="RelativePath">Path under the dataset root, with '/' separators.</param>
/// <param name="Rows">Ticks in the file.</param>
/// <param name="MinTimestampMicros">First tick's time, UTC epoch microseconds.</param>
/// <param name="MaxTimestampMicros">Last tick's time, UTC epoch microseconds.</param>
/// <param name="Bytes">File size.</param>
public sealed record TickPartitionFile(
    string Symbol,
    DateOnly Date,
    string Path,
    string RelativePath,
    long Rows,
    long MinTimestampMicros,
    long MaxTimestampMicros,
    long Bytes);
