namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A file the scan reads: a live data or delete file with its data sequence number (inherited from the manifest
/// list when the entry does not carry one) and the partition spec it was written under.
/// </summary>
public sealed record IcebergFileScanTask(IcebergDataFile File, long DataSequenceNumber, IcebergPartitionSpec Spec);
