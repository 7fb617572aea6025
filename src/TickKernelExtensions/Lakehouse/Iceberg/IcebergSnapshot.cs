namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A snapshot: the table's state after one commit. <see cref="ManifestList"/> is the location of the Avro
/// manifest list; <see cref="Summary"/> holds <c>operation</c> and the string counters.
/// </summary>
public sealed record IcebergSnapshot(
    long SnapshotId,
    long? ParentSnapshotId,
    long SequenceNumber,
    long TimestampMs,
    string ManifestList,
    IReadOnlyDictionary<string, string> Summary,
    int? SchemaId)
{
    /// <summary>The summary's <c>operation</c> (append, replace, overwrite, delete).</summary>
    public string Operation => Summary.TryGetValue("operation", out var op) ? op : "";

    /// <summary>The commit time as UTC.</summary>
    public DateTime Timestamp => DateTime.UnixEpoch.AddMilliseconds(TimestampMs);
}
