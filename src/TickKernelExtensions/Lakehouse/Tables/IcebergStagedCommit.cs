using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>
/// A change whose files (manifests, manifest list, metadata) are written but not yet committed: nothing references
/// <see cref="MetadataLocation"/> until <see cref="IcebergTables.CommitStagedAsync"/> swaps the catalog pointer from
/// <see cref="PreviousLocation"/>. A writer that dies before that leaves the table at its previous snapshot; its files
/// are orphans for <see cref="IcebergTables.RemoveOrphanFilesAsync"/>.
/// </summary>
public sealed record IcebergStagedCommit(TableIdentifier Table, string PreviousLocation, string MetadataLocation, long SnapshotId, IReadOnlyList<string> WrittenFiles);
