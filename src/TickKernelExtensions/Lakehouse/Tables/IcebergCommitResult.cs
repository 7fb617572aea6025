namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>A committed change to a table.</summary>
/// <param name="MetadataLocation">The table's new metadata file.</param>
/// <param name="PreviousLocation">The metadata file the change was applied on.</param>
/// <param name="SnapshotId">The snapshot the change created, or null for metadata-only changes (schema, tags).</param>
/// <param name="Attempts">Commit attempts (more than 1 when another writer won a race first).</param>
public sealed record IcebergCommitResult(string MetadataLocation, string PreviousLocation, long? SnapshotId, int Attempts);
