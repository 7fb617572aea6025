namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A data or delete file as a manifest describes it (<c>data_file</c>, field 2). <see cref="Partition"/> maps
/// partition field ids to values in <see cref="IcebergValues"/> representation; bounds are keyed by column field id
/// and serialized per <see cref="IcebergSingleValue"/>.
/// </summary>
public sealed record IcebergDataFile
{
    public IcebergFileContent Content { get; init; } = IcebergFileContent.Data;
    public required string FilePath { get; init; }
    public string FileFormat { get; init; } = "PARQUET";
    public IReadOnlyDictionary<int, object?> Partition { get; init; } = new Dictionary<int, object?>();
    public long RecordCount { get; init; }
    public long FileSizeInBytes { get; init; }
    public IReadOnlyDictionary<int, long>? ColumnSizes { get; init; }
    public IReadOnlyDictionary<int, long>? ValueCounts { get; init; }
    public IReadOnlyDictionary<int, long>? NullValueCounts { get; init; }
    public IReadOnlyDictionary<int, long>? NanValueCounts { get; init; }
    public IReadOnlyDictionary<int, byte[]>? LowerBounds { get; init; }
    public IReadOnlyDictionary<int, byte[]>? UpperBounds { get; init; }
    public byte[]? KeyMetadata { get; init; }
    public IReadOnlyList<long>? SplitOffsets { get; init; }
    public IReadOnlyList<int>? EqualityIds { get; init; }
    public int? SortOrderId { get; init; }
    public string? ReferencedDataFile { get; init; }
}
