using System.Globalization;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>
/// Builds a small Iceberg table on local disk the way a writer does: Parquet files written by DuckDB with field
/// ids, then manifests, a manifest list and a metadata file written by our codecs, one snapshot per commit.
/// </summary>
internal sealed class IcebergTestTable(string root)
{
    private readonly List<IcebergSnapshot> _snapshots = [];
    private readonly List<IcebergSnapshotLogEntry> _log = [];
    private readonly List<IcebergManifestFile> _manifests = [];
    private int _files;

    public string Location { get; } = "file:" + root;

    public IcebergSchema Schema { get; set; } = IcebergTableMetadataJsonTests.TickSchema;

    public List<IcebergSchema> Schemas { get; } = [IcebergTableMetadataJsonTests.TickSchema];

    public IcebergPartitionSpec Spec { get; } = IcebergTableMetadataJsonTests.TickSpec;

    public Dictionary<string, IcebergSnapshotRef> Tags { get; } = [];

    public Dictionary<string, string> Properties { get; } = [];

    public string? MetadataLocation { get; private set; }

    /// <summary>Writes a Parquet file from a SELECT, with the given column → field-id map (null: no field ids).</summary>
    public string WriteParquet(string select, string? fieldIds)
    {
        var path = Path.Combine(root, "data", string.Create(CultureInfo.InvariantCulture, $"{_files++:00000}.parquet"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var ids = fieldIds is null ? "" : $", FIELD_IDS {{{fieldIds}}}";
        DuckDb.Query($"COPY ({select}) TO {DuckDb.Literal(path)} (FORMAT PARQUET{ids})");
        return "file:" + path;
    }

    /// <summary>A tick data file: rows of (symbol, ISO timestamp, bid, ask) for one symbol and day, with partition values and bounds.</summary>
    public IcebergDataFile TickFile(string symbol, DateOnly day, params (string Ts, double Bid, double Ask)[] rows)
    {
        var values = string.Join(", ", rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"({DuckDb.Literal(symbol)}, TIMESTAMPTZ {DuckDb.Literal(r.Ts)}, {r.Bid}::DOUBLE, {r.Ask}::DOUBLE, 1.5::FLOAT, NULL::FLOAT)")));
        var location = WriteParquet(
            $"SELECT * FROM (VALUES {values}) t(symbol, ts, bid, ask, bid_volume, ask_volume)",
            "symbol: 1, ts: 2, bid: 3, ask: 4, bid_volume: 5, ask_volume: 6");
        var stamps = rows.Select(r => DateTime.Parse(r.Ts, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToList();
        var d = IcebergPrimitiveType.Double;
        var tz = IcebergPrimitiveType.TimestampTz;
        return new IcebergDataFile
        {
            FilePath = location,
            Partition = new Dictionary<int, object?> { [1000] = symbol, [1001] = day },
            RecordCount = rows.Length,
            FileSizeInBytes = new FileInfo(location["file:".Length..]).Length,
            ValueCounts = Enumerable.Range(1, 6).ToDictionary(i => i, _ => (long)rows.Length),
            NullValueCounts = new Dictionary<int, long> { [1] = 0, [2] = 0, [3] = 0, [4] = 0, [5] = 0, [6] = rows.Length },
            LowerBounds = new Dictionary<int, byte[]>
            {
                [1] = IcebergSingleValue.ToBytes(IcebergPrimitiveType.String, symbol),
                [2] = IcebergSingleValue.ToBytes(tz, stamps.Min()),
                [3] = IcebergSingleValue.ToBytes(d, rows.Min(r => r.Bid)),
            },
            UpperBounds = new Dictionary<int, byte[]>
            {
                [1] = IcebergSingleValue.ToBytes(IcebergPrimitiveType.String, symbol),
                [2] = IcebergSingleValue.ToBytes(tz, stamps.Max()),
                [3] = IcebergSingleValue.ToBytes(d, rows.Max(r => r.Bid)),
            },
        };
    }

    /// <summary>A position delete file removing rows of one data file.</summary>
    public IcebergDataFile PositionDeletes(IcebergDataFile data, params long[] positions)
    {
        var values = string.Join(", ", positions.Select(p => string.Create(CultureInfo.InvariantCulture, $"({DuckDb.Literal(data.FilePath)}, {p}::BIGINT)")));
        var location = WriteParquet($"SELECT * FROM (VALUES {values}) t(file_path, pos)", "file_path: 2147483546, pos: 2147483545");
        return new IcebergDataFile
        {
            Content = IcebergFileContent.PositionDeletes,
            FilePath = location,
            Partition = data.Partition,
            RecordCount = positions.Length,
            FileSizeInBytes = new FileInfo(location["file:".Length..]).Length,
        };
    }

    /// <summary>An equality delete file on the bid column (field 3) in one partition.</summary>
    public IcebergDataFile EqualityDeletesOnBid(IReadOnlyDictionary<int, object?> partition, params double[] bids)
    {
        var values = string.Join(", ", bids.Select(b => string.Create(CultureInfo.InvariantCulture, $"({b}::DOUBLE)")));
        var location = WriteParquet($"SELECT * FROM (VALUES {values}) t(bid)", "bid: 3");
        return new IcebergDataFile
        {
            Content = IcebergFileContent.EqualityDeletes,
            FilePath = location,
            Partition = partition,
            RecordCount = bids.Length,
            FileSizeInBytes = new FileInfo(location["file:".Length..]).Length,
            EqualityIds = [3],
        };
    }

    /// <summary>Commits one snapshot adding data and delete files (fast append: one new manifest per content) and writes vN.metadata.json.</summary>
    public IcebergSnapshot Commit(long snapshotId, long timestampMs, IReadOnlyList<IcebergDataFile> files)
    {
        var sequence = _snapshots.Count + 1L;
        var parent = _snapshots.Count == 0 ? (long?)null : _snapshots[^1].SnapshotId;
        foreach (var group in files.GroupBy(f => f.Content == IcebergFileContent.Data ? IcebergFileContent.Data : IcebergFileContent.PositionDeletes))
        {
            var entries = group.Select(f => new IcebergManifestEntry(IcebergEntryStatus.Added, snapshotId, null, null, f)).ToList();
            var bytes = IcebergManifestCodec.Write(Schema, Spec, group.Key, entries);
            var path = Path.Combine(root, "metadata", string.Create(CultureInfo.InvariantCulture, $"{snapshotId}-m{(int)group.Key}.avro"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            _manifests.Add(new IcebergManifestFile
            {
                ManifestPath = "file:" + path,
                ManifestLength = bytes.Length,
                PartitionSpecId = Spec.SpecId,
                Content = group.Key,
                SequenceNumber = sequence,
                MinSequenceNumber = sequence,
                AddedSnapshotId = snapshotId,
                AddedFilesCount = entries.Count,
                AddedRowsCount = group.Sum(f => f.RecordCount),
                Partitions = Spec.Fields.Select(pf =>
                {
                    var type = pf.ResultType(Schema);
                    var values = group.Select(f => f.Partition[pf.FieldId]).ToList();
                    var present = values.Where(v => v is not null).Cast<object>().ToList();
                    present.Sort((a, b) => IcebergValues.Compare(type, a, b));
                    return new IcebergFieldSummary(values.Any(v => v is null), null,
                        present.Count == 0 ? null : IcebergSingleValue.ToBytes(type, present[0]),
                        present.Count == 0 ? null : IcebergSingleValue.ToBytes(type, present[^1]));
                }).ToList(),
            });
        }
        var listPath = Path.Combine(root, "metadata", string.Create(CultureInfo.InvariantCulture, $"snap-{snapshotId}-1-x.avro"));
        File.WriteAllBytes(listPath, IcebergManifestListCodec.Write(snapshotId, parent, sequence, _manifests));
        var snapshot = new IcebergSnapshot(snapshotId, parent, sequence, timestampMs, "file:" + listPath,
            new Dictionary<string, string> { ["operation"] = "append" }, Schema.SchemaId);
        _snapshots.Add(snapshot);
        _log.Add(new IcebergSnapshotLogEntry(timestampMs, snapshotId));
        return snapshot;
    }

    /// <summary>Writes the next metadata file for the current state and returns its location.</summary>
    public string WriteMetadata()
    {
        var refs = new Dictionary<string, IcebergSnapshotRef>(Tags);
        if (_snapshots.Count > 0)
        {
            refs["main"] = new IcebergSnapshotRef(_snapshots[^1].SnapshotId, IcebergSnapshotRef.Branch);
        }
        var metadata = new IcebergTableMetadata
        {
            TableUuid = "00000000-0000-4000-8000-000000000001",
            Location = Location,
            LastSequenceNumber = _snapshots.Count,
            LastUpdatedMs = _snapshots.Count == 0 ? 0 : _snapshots[^1].TimestampMs,
            LastColumnId = Schemas.Max(s => s.HighestFieldId()),
            Schemas = Schemas,
            CurrentSchemaId = Schema.SchemaId,
            PartitionSpecs = [Spec],
            LastPartitionId = Spec.LastFieldId,
            Properties = Properties,
            CurrentSnapshotId = _snapshots.Count == 0 ? null : _snapshots[^1].SnapshotId,
            Snapshots = _snapshots,
            SnapshotLog = _log,
            Refs = refs,
        };
        var path = Path.Combine(root, "metadata", string.Create(CultureInfo.InvariantCulture, $"v{_snapshots.Count + Schemas.Count}.metadata.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, IcebergTableMetadataJson.Write(metadata));
        MetadataLocation = "file:" + path;
        return MetadataLocation;
    }
}
