namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>A named ref: a branch (<c>main</c> is the current snapshot) or a tag. Retention fields are kept when present.</summary>
public sealed record IcebergSnapshotRef(
    long SnapshotId,
    string Type,
    long? MaxRefAgeMs = null,
    long? MaxSnapshotAgeMs = null,
    int? MinSnapshotsToKeep = null)
{
    public const string Branch = "branch";
    public const string Tag = "tag";
}
