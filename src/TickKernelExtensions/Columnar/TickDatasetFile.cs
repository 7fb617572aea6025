namespace TickKernelExtensions.Columnar;

/// <summary>A visible Parquet file of the tick dataset (temp files, whose names start with '.', are never listed).</summary>
/// <param name="Symbol">The partition's symbol.</param>
/// <param name="Date">The partition's UTC date.</param>
/// <param name="Path">Absolute path.</param>
/// <param name="RelativePath">Path under the dataset root, with '/' separators: <c>symbol=EURUSD/date=2019-02-04/src.parquet</c>.</param>
/// <param name="Bytes">File size.</param>
public sealed record TickDatasetFile(string Symbol, DateOnly Date, string Path, string RelativePath, long Bytes);
