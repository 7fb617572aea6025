namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// One row of a manifest list (<c>manifest_file</c>): a manifest's location, exact length, spec, content and
/// counts. <see cref="Partitions"/> has one summary per partition field of the manifest's spec.
/// </summary>
public sealed record IcebergManifestFile
{
    public required string ManifestPath { get; init; }
    public long ManifestLength { get; init; }
    public int PartitionSpecId { get; init; }
    public IcebergFileContent Content { get; init; } = IcebergFileContent.Data;
    public long SequenceNumber { get; init; }
    public long MinSequenceNumber { get; init; }
    public long AddedSnapshotId { get; init; }
    public int AddedFilesCount { get; init; }
    public int ExistingFilesCount { get; init; }
    public int DeletedFilesCount { get; init; }
    public long AddedRowsCount { get; init; }
    public long ExistingRowsCount { get; init; }
    public long DeletedRowsCount { get; init; }
    public IReadOnlyList<IcebergFieldSummary>? Partitions { get; init; }
    public byte[]? KeyMetadata { get; init; }
}
