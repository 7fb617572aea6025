namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// The planned scan: the snapshot (null for an empty table), the schema rows are read with, the data files that
/// survived pruning (in manifest order) and every live delete file, plus what pruning skipped.
/// </summary>
public sealed record IcebergScanPlan(
    IcebergSnapshot? Snapshot,
    IcebergSchema Schema,
    IReadOnlyList<IcebergFileScanTask> DataFiles,
    IReadOnlyList<IcebergFileScanTask> DeleteFiles,
    int ManifestsRead,
    int ManifestsPruned,
    int FilesPruned);
