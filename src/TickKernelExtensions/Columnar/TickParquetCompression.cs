namespace TickKernelExtensions.Columnar;

/// <summary>How tick Parquet pages are compressed (the column chunk's codec).</summary>
public enum TickParquetCompression
{
    /// <summary>No compression.</summary>
    Uncompressed,

    /// <summary>Snappy (Snappier): fast, and read by every Parquet reader. The default.</summary>
    Snappy,

    /// <summary>Zstandard (ZstdSharp) at <see cref="TickParquetOptions.ZstdLevel"/>: smaller files, slower writes.</summary>
    Zstd,
}
