namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// The table metadata file (format v1 or v2 when read; v2 when written): schemas, partition specs, sort orders,
/// snapshots, refs and logs. Immutable; a commit writes a new file. JSON codec: <see cref="IcebergTableMetadataJson"/>.
/// </summary>
public sealed record IcebergTableMetadata
{
    public int FormatVersion { get; init; } = 2;
    public required string TableUuid { get; init; }
    public required string Location { get; init; }
    public long LastSequenceNumber { get; init; }
    public long LastUpdatedMs { get; init; }
    public int LastColumnId { get; init; }
    public required IReadOnlyList<IcebergSchema> Schemas { get; init; }
    public int CurrentSchemaId { get; init; }
    public required IReadOnlyList<IcebergPartitionSpec> PartitionSpecs { get; init; }
    public int DefaultSpecId { get; init; }
    public int LastPartitionId { get; init; } = 999;
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The current snapshot id; null when the table has none (written as -1).</summary>
    public long? CurrentSnapshotId { get; init; }
    public IReadOnlyList<IcebergSnapshot> Snapshots { get; init; } = [];
    public IReadOnlyList<IcebergSnapshotLogEntry> SnapshotLog { get; init; } = [];
    public IReadOnlyList<IcebergMetadataLogEntry> MetadataLog { get; init; } = [];
    public IReadOnlyList<IcebergSortOrder> SortOrders { get; init; } = [IcebergSortOrder.Unsorted];
    public int DefaultSortOrderId { get; init; }
    public IReadOnlyDictionary<string, IcebergSnapshotRef> Refs { get; init; } = new Dictionary<string, IcebergSnapshotRef>();

    /// <summary>The current schema.</summary>
    public IcebergSchema CurrentSchema => Schema(CurrentSchemaId);

    /// <summary>The default partition spec.</summary>
    public IcebergPartitionSpec DefaultSpec => Spec(DefaultSpecId);

    /// <summary>The current snapshot, or null for an empty table.</summary>
    public IcebergSnapshot? CurrentSnapshot => CurrentSnapshotId is { } id ? Snapshot(id) : null;

    /// <summary>The schema with this id.</summary>
    public IcebergSchema Schema(int schemaId) =>
        Schemas.FirstOrDefault(s => s.SchemaId == schemaId)
        ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Schema id not found.")
        {
            Field = "schemas",
            Expected = IcebergType.Invariant($"schema-id {schemaId}"),
            Actual = string.Join(", ", Schemas.Select(s => s.SchemaId)),
        };

    /// <summary>The partition spec with this id.</summary>
    public IcebergPartitionSpec Spec(int specId) =>
        PartitionSpecs.FirstOrDefault(s => s.SpecId == specId)
        ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Partition spec id not found.")
        {
            Field = "partition-specs",
            Expected = IcebergType.Invariant($"spec-id {specId}"),
            Actual = string.Join(", ", PartitionSpecs.Select(s => s.SpecId)),
        };

    /// <summary>The snapshot with this id; an unknown id is a <see cref="IcebergErrorKind.SnapshotNotFound"/> error listing the known ids.</summary>
    public IcebergSnapshot Snapshot(long snapshotId) =>
        Snapshots.FirstOrDefault(s => s.SnapshotId == snapshotId)
        ?? throw new IcebergException(IcebergErrorKind.SnapshotNotFound, "Snapshot id not found in the table metadata.")
        {
            Field = "snapshot-id",
            Expected = "one of " + (Snapshots.Count == 0 ? "(no snapshots)" : string.Join(", ", Snapshots.Select(s => s.SnapshotId))),
            Actual = IcebergType.Invariant($"{snapshotId}"),
        };

    /// <summary>
    /// The snapshot that was current at <paramref name="timestampMs"/> (the last <c>snapshot-log</c> entry at or
    /// before it; snapshot timestamps when the log is empty).
    /// </summary>
    public IcebergSnapshot SnapshotAsOf(long timestampMs)
    {
        long? id = SnapshotLog.Count > 0
            ? SnapshotLog.Where(e => e.TimestampMs <= timestampMs).OrderBy(e => e.TimestampMs).LastOrDefault()?.SnapshotId
            : Snapshots.Where(s => s.TimestampMs <= timestampMs).OrderBy(s => s.TimestampMs).LastOrDefault()?.SnapshotId;
        return id is { } found
            ? Snapshot(found)
            : throw new IcebergException(IcebergErrorKind.SnapshotNotFound, "No snapshot was current at that time.")
            {
                Field = "timestamp-ms",
                Expected = IcebergType.Invariant($"a time at or after the first snapshot ({(Snapshots.Count == 0 ? "none" : Snapshots.Min(s => s.TimestampMs))} ms)"),
                Actual = IcebergType.Invariant($"{timestampMs} ms"),
            };
    }

    /// <summary>The snapshot a branch or tag points at.</summary>
    public IcebergSnapshot SnapshotOfRef(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Refs.TryGetValue(name, out var r))
        {
            return Snapshot(r.SnapshotId);
        }
        if (name == "main" && CurrentSnapshot is { } current)
        {
            return current;
        }
        throw new IcebergException(IcebergErrorKind.SnapshotNotFound, "Unknown branch or tag.")
        {
            Field = "refs",
            Expected = "one of " + (Refs.Count == 0 ? "(no refs)" : string.Join(", ", Refs.Keys)),
            Actual = name,
        };
    }
}
