namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// One entry of a manifest. For ADDED entries the sequence numbers may be null in the file: they are then
/// inherited from the manifest list row (<see cref="IcebergManifestFile.SequenceNumber"/>).
/// </summary>
public sealed record IcebergManifestEntry(
    IcebergEntryStatus Status,
    long? SnapshotId,
    long? SequenceNumber,
    long? FileSequenceNumber,
    IcebergDataFile DataFile)
{
    /// <summary>True for EXISTING and ADDED entries: the file is part of the snapshot.</summary>
    public bool IsLive => Status != IcebergEntryStatus.Deleted;
}
