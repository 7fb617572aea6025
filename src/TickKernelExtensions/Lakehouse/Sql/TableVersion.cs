using System.Globalization;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// Which snapshot of a table a query reads: a snapshot id, the snapshot current at a time, or a tag or branch.
/// In SQL these are Trino's <c>FOR VERSION AS OF 123</c>, <c>FOR TIMESTAMP AS OF TIMESTAMP '2024-03-07 10:00:00 UTC'</c>
/// and <c>FOR VERSION AS OF 'tag'</c>.
/// </summary>
public sealed record TableVersion
{
    private TableVersion(long? snapshotId, DateTimeOffset? asOf, string? reference)
    {
        SnapshotId = snapshotId;
        AsOf = asOf;
        Ref = reference;
    }

    /// <summary>The snapshot id, when selected by id.</summary>
    public long? SnapshotId { get; }

    /// <summary>The time, when selected by timestamp: the snapshot that was current then.</summary>
    public DateTimeOffset? AsOf { get; }

    /// <summary>The tag or branch name, when selected by ref.</summary>
    public string? Ref { get; }

    /// <summary>The snapshot with this id.</summary>
    public static TableVersion Snapshot(long snapshotId) => new(snapshotId, null, null);

    /// <summary>The snapshot that was current at <paramref name="time"/> (Iceberg keeps milliseconds).</summary>
    public static TableVersion Timestamp(DateTimeOffset time) => new(null, time, null);

    /// <summary>The snapshot a tag or branch points at.</summary>
    public static TableVersion Tag(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(null, null, name);
    }

    /// <summary>The scan options that select this version.</summary>
    public IcebergScanOptions ToScanOptions() => new()
    {
        SnapshotId = SnapshotId,
        AsOfTimestampMs = AsOf?.ToUnixTimeMilliseconds(),
        Ref = Ref,
    };

    /// <summary>A short, stable suffix for the view that holds this version (<c>v123</c>, <c>t1709805600000</c>, <c>r:tag</c>).</summary>
    internal string ViewSuffix => SnapshotId is { } id
        ? string.Create(CultureInfo.InvariantCulture, $"v{id}")
        : AsOf is { } t ? string.Create(CultureInfo.InvariantCulture, $"t{t.ToUnixTimeMilliseconds()}") : "r:" + Ref;

    /// <inheritdoc />
    public override string ToString() => SnapshotId is { } id
        ? string.Create(CultureInfo.InvariantCulture, $"snapshot {id}")
        : AsOf is { } t ? "as of " + t.ToString("O", CultureInfo.InvariantCulture) : "ref '" + Ref + "'";
}
