using System.Globalization;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

public sealed partial class IcebergTables
{
    /// <summary>Writes a v2 manifest of <paramref name="entries"/> under <c>metadata/</c> and returns its location and length.</summary>
    private (string Location, long Length) WriteManifest(
        IcebergTableMetadata m, IcebergPartitionSpec spec, IcebergFileContent content, IReadOnlyList<IcebergManifestEntry> entries, List<string> written)
    {
        var bytes = IcebergManifestCodec.Write(m.CurrentSchema, spec, content, entries);
        var location = m.Location.TrimEnd('/') + "/metadata/" + Guid.NewGuid() + "-m0.avro";
        _store.Write(location, bytes);
        written.Add(_store.Name(location));
        return (location, bytes.Length);
    }

    /// <summary>
    /// The manifest-list row of a manifest written by snapshot <paramref name="snapshotId"/> with sequence number
    /// <paramref name="sequence"/>: counts per status and partition summaries over every entry.
    /// </summary>
    private static IcebergManifestFile ManifestRow(
        IcebergTableMetadata m, (string Location, long Length) manifest, IcebergPartitionSpec spec, IcebergFileContent content,
        long snapshotId, long sequence, IReadOnlyList<IcebergManifestEntry> entries)
    {
        var schema = m.CurrentSchema;
        IEnumerable<IcebergManifestEntry> With(IcebergEntryStatus s) => entries.Where(e => e.Status == s);
        var live = entries.Where(e => e.IsLive).Select(e => e.SequenceNumber ?? sequence).ToList();
        return new IcebergManifestFile
        {
            ManifestPath = manifest.Location,
            ManifestLength = manifest.Length,
            PartitionSpecId = spec.SpecId,
            Content = content == IcebergFileContent.Data ? IcebergFileContent.Data : IcebergFileContent.PositionDeletes,
            SequenceNumber = sequence,
            MinSequenceNumber = live.Count == 0 ? sequence : live.Min(),
            AddedSnapshotId = snapshotId,
            AddedFilesCount = With(IcebergEntryStatus.Added).Count(),
            ExistingFilesCount = With(IcebergEntryStatus.Existing).Count(),
            DeletedFilesCount = With(IcebergEntryStatus.Deleted).Count(),
            AddedRowsCount = With(IcebergEntryStatus.Added).Sum(e => e.DataFile.RecordCount),
            ExistingRowsCount = With(IcebergEntryStatus.Existing).Sum(e => e.DataFile.RecordCount),
            DeletedRowsCount = With(IcebergEntryStatus.Deleted).Sum(e => e.DataFile.RecordCount),
            Partitions = spec.Fields.Select(pf =>
            {
                var type = pf.ResultType(schema);
                var values = entries.Select(e => e.DataFile.Partition.GetValueOrDefault(pf.FieldId)).ToList();
                var present = values.Where(v => v is not null).Cast<object>().ToList();
                present.Sort((a, b) => IcebergValues.Compare(type, a, b));
                bool? nan = type.TypeId is IcebergTypeId.Float or IcebergTypeId.Double
                    ? present.Any(v => v is double d ? double.IsNaN(d) : v is float f && float.IsNaN(f))
                    : null;
                return new IcebergFieldSummary(values.Any(v => v is null), nan,
                    present.Count == 0 ? null : IcebergSingleValue.ToBytes(type, present[0]),
                    present.Count == 0 ? null : IcebergSingleValue.ToBytes(type, present[^1]));
            }).ToList(),
        };
    }

    /// <summary>
    /// The manifest-list rows of the current snapshot to carry into the next one (empty for a table without
    /// snapshots); manifests left with only DELETED entries are dropped, as Iceberg's Java writer does.
    /// </summary>
    private List<IcebergManifestFile> CurrentManifests(IcebergTableMetadata m) =>
        m.CurrentSnapshot is { } snapshot
            ? ManifestList(snapshot).Where(f => f.AddedFilesCount + f.ExistingFilesCount > 0 || f.DeletedFilesCount == 0).ToList()
            : [];

    private List<IcebergManifestFile> ManifestList(IcebergSnapshot snapshot)
    {
        using var stream = Io.OpenRead(snapshot.ManifestList);
        return IcebergManifestListCodec.Read(stream, snapshot.ManifestList);
    }

    /// <summary>A manifest's entries with inherited sequence numbers resolved from its manifest-list row.</summary>
    private List<IcebergManifestEntry> ReadEntries(IcebergTableMetadata m, IcebergManifestFile manifest)
    {
        var spec = m.Spec(manifest.PartitionSpecId);
        var schema = spec.Fields.All(f => m.CurrentSchema.FindField(f.SourceId) is not null)
            ? m.CurrentSchema
            : m.Schemas.First(s => spec.Fields.All(f => s.FindField(f.SourceId) is not null));
        using var stream = Io.OpenRead(manifest.ManifestPath);
        return IcebergManifestCodec.Read(stream, manifest.ManifestPath, spec, schema).Entries
            .Select(e => e with
            {
                SnapshotId = e.SnapshotId ?? manifest.AddedSnapshotId,
                SequenceNumber = e.SequenceNumber ?? (e.Status == IcebergEntryStatus.Added ? manifest.SequenceNumber : null),
                FileSequenceNumber = e.FileSequenceNumber ?? (e.Status == IcebergEntryStatus.Added ? manifest.SequenceNumber : null),
            })
            .ToList();
    }

    /// <summary>
    /// The metadata with a new current snapshot over <paramref name="manifests"/>: writes the manifest list, adds the
    /// snapshot (sequence number, parent, summary with <c>operation</c> and totals), the snapshot-log entry and moves
    /// <c>main</c>.
    /// </summary>
    private IcebergTableMetadata WithSnapshot(
        IcebergTableMetadata m, long snapshotId, long sequence, string operation, IReadOnlyList<IcebergManifestFile> manifests,
        IReadOnlyDictionary<string, long> changes, Attempt attempt)
    {
        var parent = m.CurrentSnapshotId;
        var listLocation = m.Location.TrimEnd('/') + "/metadata/snap-" + snapshotId.ToString(CultureInfo.InvariantCulture) + "-"
            + attempt.Number.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid() + ".avro";
        _store.Write(listLocation, IcebergManifestListCodec.Write(snapshotId, parent, sequence, manifests));
        attempt.Files.Add(_store.Name(listLocation));
        var data = manifests.Where(f => f.Content == IcebergFileContent.Data).ToList();
        var deletes = manifests.Where(f => f.Content != IcebergFileContent.Data).ToList();
        var summary = new Dictionary<string, string>(StringComparer.Ordinal) { ["operation"] = operation };
        foreach (var (key, value) in changes)
        {
            summary[key] = value.ToString(CultureInfo.InvariantCulture);
        }
        summary["total-data-files"] = data.Sum(f => (long)f.AddedFilesCount + f.ExistingFilesCount).ToString(CultureInfo.InvariantCulture);
        summary["total-records"] = data.Sum(f => f.AddedRowsCount + f.ExistingRowsCount).ToString(CultureInfo.InvariantCulture);
        summary["total-delete-files"] = deletes.Sum(f => (long)f.AddedFilesCount + f.ExistingFilesCount).ToString(CultureInfo.InvariantCulture);
        var now = Math.Max(NowMs(), m.LastUpdatedMs);
        var snapshot = new IcebergSnapshot(snapshotId, parent, sequence, now, listLocation, summary, m.CurrentSchemaId);
        var refs = new Dictionary<string, IcebergSnapshotRef>(m.Refs, StringComparer.Ordinal)
        {
            ["main"] = new IcebergSnapshotRef(snapshotId, IcebergSnapshotRef.Branch),
        };
        return m with
        {
            LastSequenceNumber = sequence,
            CurrentSnapshotId = snapshotId,
            Snapshots = [.. m.Snapshots, snapshot],
            SnapshotLog = [.. m.SnapshotLog, new IcebergSnapshotLogEntry(now, snapshotId)],
            Refs = refs,
        };
    }
}
