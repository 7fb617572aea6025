namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// What to scan. At most one of <see cref="SnapshotId"/>, <see cref="AsOfTimestampMs"/> and <see cref="Ref"/>
/// may be set; none means the current snapshot with the current schema. Time travel reads with the schema the
/// snapshot was written with (as Spark and Trino do). Defaults: all columns, no filter.
/// </summary>
public sealed record IcebergScanOptions
{
    /// <summary>Read this snapshot.</summary>
    public long? SnapshotId { get; init; }

    /// <summary>Read the snapshot that was current at this time (milliseconds since the epoch, UTC).</summary>
    public long? AsOfTimestampMs { get; init; }

    /// <summary>Read the snapshot a branch or tag points at.</summary>
    public string? Ref { get; init; }

    /// <summary>AND-ed predicates; used to prune files (partition values, column bounds) and to filter rows.</summary>
    public IReadOnlyList<IcebergPredicate> Filter { get; init; } = [];

    /// <summary>Columns to return, by name, in this order; null returns every column of the schema.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    internal void Validate()
    {
        var set = (SnapshotId is null ? 0 : 1) + (AsOfTimestampMs is null ? 0 : 1) + (Ref is null ? 0 : 1);
        if (set > 1)
        {
            throw new ArgumentException(
                $"Set at most one of SnapshotId ({SnapshotId}), AsOfTimestampMs ({AsOfTimestampMs}) and Ref ({Ref}).");
        }
    }
}
