namespace TickKernelExtensions.Columnar.Format;

/// <summary>Parquet <c>CompressionCodec</c> (the ones this writer can produce).</summary>
internal enum CompressionCodec
{
    Uncompressed = 0,
    Snappy = 1,
    Zstd = 6,
}
