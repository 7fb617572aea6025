using TickKernelExtensions.Market;

namespace TickKernelExtensions.Columnar;

/// <summary>
/// Settings of the tick Parquet writer and of the Hive-partitioned tick dataset. Every property has a
/// documented default; <see cref="Validate"/> reports every bad field in one message.
/// </summary>
public sealed record TickParquetOptions
{
    /// <summary>The defaults.</summary>
    public static TickParquetOptions Default { get; } = new();

    /// <summary>
    /// Rows per row group (default 1,048,576; 1 to 67,108,864). A writer holds one row group of
    /// compressed pages in memory, about 10 to 32 bytes a row.
    /// </summary>
    public int RowGroupSize { get; init; } = 1_048_576;

    /// <summary>
    /// Target uncompressed size of a data page's values in bytes (default 1 MiB; 256 bytes to 64 MiB):
    /// 131,072 rows for 8-byte columns, 262,144 for the float volumes. Readers stream page by page.
    /// </summary>
    public int PageSizeBytes { get; init; } = 1 << 20;

    /// <summary>Page compression (default <see cref="TickParquetCompression.Snappy"/>).</summary>
    public TickParquetCompression Compression { get; init; } = TickParquetCompression.Snappy;

    /// <summary>Zstandard level when <see cref="Compression"/> is Zstd (default 1, the fastest useful level; 1 to 22).</summary>
    public int ZstdLevel { get; init; } = 1;

    /// <summary>
    /// Threads that encode and compress the columns of a batch in parallel (default 1: the caller's
    /// thread only, which suits pipelines that already keep every core busy; 1 to 16). Only batches of
    /// at least 16,384 rows are split. The bytes written do not depend on it.
    /// </summary>
    public int EncoderThreads { get; init; } = 1;

    /// <summary>
    /// Dataset writes only: partition files a transaction keeps open at once (default 4; 1 to 256).
    /// Ticks are non-decreasing per symbol, so each symbol needs one open file; when more symbols are
    /// interleaved, the least recently written file is finished early.
    /// </summary>
    public int MaxOpenPartitions { get; init; } = 4;

    /// <summary>Throws a <see cref="MarketDataException"/> (<see cref="MarketDataErrorKind.InvalidOptions"/>) listing every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(RowGroupSize), RowGroupSize, 1, 64 << 20);
        Check(errors, nameof(PageSizeBytes), PageSizeBytes, 256, 64 << 20);
        Check(errors, nameof(ZstdLevel), ZstdLevel, 1, 22);
        Check(errors, nameof(MaxOpenPartitions), MaxOpenPartitions, 1, 256);
        Check(errors, nameof(EncoderThreads), EncoderThreads, 1, 16);
        if (!Enum.IsDefined(Compression))
        {
            errors.Add($"{nameof(Compression)} is {(int)Compression}, expected one of {string.Join(", ", Enum.GetNames<TickParquetCompression>())}");
        }
        if (errors.Count > 0)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions,
                $"Invalid {nameof(TickParquetOptions)}: {string.Join("; ", errors)}.");
        }
    }

    private static void Check(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{name} is {value:N0}, expected {min:N0} to {max:N0}");
        }
    }
}
