using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Lakehouse.Bronze;

/// <summary>What <see cref="BronzeTicks.PublishAsync"/> did.</summary>
/// <param name="Table">The table published to.</param>
/// <param name="SourceId">The stage-1 source whose files were published.</param>
/// <param name="Files">Files of that source in the dataset.</param>
/// <param name="Added">Days appended (new since the last publish).</param>
/// <param name="Replaced">Days whose file changed and whose partition was overwritten.</param>
/// <param name="Unchanged">Days already published as they are.</param>
/// <param name="Commits">Snapshots committed (0 when nothing changed).</param>
/// <param name="SnapshotId">The table's snapshot after the last commit, or null when nothing was committed.</param>
public sealed record BronzePublishResult(TableIdentifier Table, string SourceId, int Files, int Added, int Replaced, int Unchanged, int Commits, long? SnapshotId);
