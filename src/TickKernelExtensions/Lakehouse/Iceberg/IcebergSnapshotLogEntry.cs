namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>An entry of <c>snapshot-log</c>: the current snapshot changed to <see cref="SnapshotId"/> at <see cref="TimestampMs"/>.</summary>
public sealed record IcebergSnapshotLogEntry(long TimestampMs, long SnapshotId);
