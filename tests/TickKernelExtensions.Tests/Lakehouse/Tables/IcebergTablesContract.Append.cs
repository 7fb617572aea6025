using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

public abstract partial class IcebergTablesContract
{
    [Fact]
    public async Task CreateTableAsync_WritesVersionZeroMetadataUnderTheWarehouseAndRegistersIt()
    {
        var (_, tables) = await NewTickTableAsync();

        var entry = await tables.Catalog.LoadTableAsync(Ticks, Ct);
        var expectedFolder = "file:" + Warehouse.Combine("bronze", "ticks", "metadata") + "/";
        Assert.StartsWith(expectedFolder + "00000-", entry.MetadataLocation, StringComparison.Ordinal);
        Assert.EndsWith(".metadata.json", entry.MetadataLocation, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(tables.Io.LocalPath(entry.MetadataLocation)!))!.AsObject();
        Assert.Equal(2, json["format-version"]!.GetValue<int>());
        Assert.True(Guid.TryParse(json["table-uuid"]!.GetValue<string>(), out _));
        Assert.Equal(0, json["last-sequence-number"]!.GetValue<long>());
        Assert.Equal(-1, json["current-snapshot-id"]!.GetValue<long>());
        Assert.Equal(6, json["last-column-id"]!.GetValue<int>());
        Assert.Equal(1001, json["last-partition-id"]!.GetValue<int>());
        var reader = await tables.LoadAsync(Ticks, Ct);
        Assert.Empty(reader.Scan().Rows);
    }

    [Fact]
    public async Task AppendAsync_TwoCommits_RowsReadBackAndEveryRequiredMetadataFieldIsThere()
    {
        var (_, tables) = await NewTickTableAsync();
        var a = TickFile("EURUSD", Day1, 1.1, 1.2);
        var b = TickFile("GBPUSD", Day1, 1.3);
        var c = TickFile("EURUSD", Day2, 1.4, 1.5, 1.6);

        var first = await tables.AppendAsync(Ticks, [a, b], Ct);
        var second = await tables.AppendAsync(Ticks, [c], Ct);

        var reader = await tables.LoadAsync(Ticks, Ct);
        Assert.Equal(second.MetadataLocation, reader.MetadataLocation);
        var scan = reader.Scan();
        Assert.Equal([1.1, 1.2, 1.3, 1.4, 1.5, 1.6], Bids(scan));
        var row = scan.Rows.Single(r => (double)r[2]! == 1.5);
        Assert.Equal(["EURUSD", new DateTime(2026, 3, 3, 0, 0, 1, DateTimeKind.Utc), 1.5, 1.5 + 0.0002, 1.5f, null], row);

        var m = reader.Metadata;
        Assert.Equal(2, m.LastSequenceNumber);
        Assert.Equal(second.SnapshotId, m.CurrentSnapshotId);
        var s1 = m.Snapshot(first.SnapshotId!.Value);
        var s2 = m.Snapshot(second.SnapshotId!.Value);
        Assert.Equal((null, 1L, "append"), (s1.ParentSnapshotId, s1.SequenceNumber, s1.Operation));
        Assert.Equal((s1.SnapshotId, 2L, "append"), (s2.ParentSnapshotId, s2.SequenceNumber, s2.Operation));
        Assert.Equal(("1", "3", "6", "3"), (s2.Summary["added-data-files"], s2.Summary["added-records"], s2.Summary["total-records"], s2.Summary["total-data-files"]));
        Assert.Equal(0, s2.SchemaId);
        Assert.Equal([s1.SnapshotId, s2.SnapshotId], m.SnapshotLog.Select(e => e.SnapshotId));
        Assert.Equal([first.PreviousLocation, first.MetadataLocation], m.MetadataLog.Select(e => e.MetadataFile));
        Assert.Equal(s2.SnapshotId, m.Refs["main"].SnapshotId);

        var json = JsonNode.Parse(File.ReadAllText(tables.Io.LocalPath(second.MetadataLocation)!))!.AsObject();
        foreach (var key in new[] { "format-version", "table-uuid", "location", "last-sequence-number", "last-updated-ms", "last-column-id",
            "schemas", "current-schema-id", "partition-specs", "default-spec-id", "last-partition-id", "sort-orders", "default-sort-order-id",
            "current-snapshot-id", "snapshots", "snapshot-log", "metadata-log", "refs" })
        {
            Assert.True(json.ContainsKey(key), "metadata lacks " + key);
        }
        foreach (var snapshot in json["snapshots"]!.AsArray())
        {
            foreach (var key in new[] { "snapshot-id", "sequence-number", "timestamp-ms", "manifest-list", "summary", "schema-id" })
            {
                Assert.True(snapshot!.AsObject().ContainsKey(key), "snapshot lacks " + key);
            }
        }

        // The manifest list holds the new manifest first, then the first commit's; sequence numbers are inherited.
        List<IcebergManifestFile> list;
        using (var stream = tables.Io.OpenRead(s2.ManifestList))
        {
            list = IcebergManifestListCodec.Read(stream, s2.ManifestList);
        }
        Assert.Equal([(2L, 1, 3L), (1L, 2, 3L)], list.Select(l => (l.SequenceNumber, l.AddedFilesCount, l.AddedRowsCount)));
        Assert.All(list, l => Assert.Equal(new FileInfo(tables.Io.LocalPath(l.ManifestPath)!).Length, l.ManifestLength));
        IcebergManifest manifest;
        using (var stream = tables.Io.OpenRead(list[1].ManifestPath))
        {
            manifest = IcebergManifestCodec.Read(stream, list[1].ManifestPath, IcebergTableMetadataJsonTests.TickSpec, IcebergTableMetadataJsonTests.TickSchema);
        }
        Assert.Equal(("data", "2", "0"), (manifest.Metadata["content"], manifest.Metadata["format-version"], manifest.Metadata["partition-spec-id"]));
        var entryA = manifest.Entries.Single(e => e.DataFile.FilePath.EndsWith(Path.GetFileName(a), StringComparison.Ordinal));
        Assert.Equal((IcebergEntryStatus.Added, s1.SnapshotId, (long?)null), (entryA.Status, entryA.SnapshotId, entryA.SequenceNumber));
        Assert.Equal(["EURUSD", (object)Day1], [entryA.DataFile.Partition[1000], entryA.DataFile.Partition[1001]]);
        Assert.Equal(2, entryA.DataFile.RecordCount);
        Assert.Equal(new FileInfo(a).Length, entryA.DataFile.FileSizeInBytes);
        Assert.Equal(1.1, IcebergSingleValue.FromBytes(IcebergPrimitiveType.Double, entryA.DataFile.LowerBounds![3]));
        Assert.Equal(1.2, IcebergSingleValue.FromBytes(IcebergPrimitiveType.Double, entryA.DataFile.UpperBounds![3]));
        Assert.Equal(2, entryA.DataFile.NullValueCounts![6]);
        Assert.Equal(0, entryA.DataFile.NullValueCounts![3]);
        Assert.Equal(2, entryA.DataFile.ValueCounts![1]);

        // Every data file the current snapshot lists reads back in DuckDB with the same values.
        var paths = reader.Plan().DataFiles.Select(t => DuckDb.Literal(tables.Io.LocalPath(t.File.FilePath)!));
        Assert.Equal(8.1, DuckDb.Scalar<double>($"SELECT round(sum(bid), 6) FROM read_parquet([{string.Join(", ", paths)}])"));
    }

    [Fact]
    public async Task AppendAsync_FileNotMatchingTheSchema_NamesEveryColumnWithExpectedAndActual()
    {
        var (_, tables) = await NewTickTableAsync();
        var path = Staging.File("bad.parquet");
        DuckDb.Query("COPY (SELECT 'EURUSD' AS symbol, 'x' AS bid, 7 AS venue) TO " + DuckDb.Literal(path) +
            " (FORMAT PARQUET, FIELD_IDS {symbol: 1, bid: 3, venue: 42})");

        var error = await Assert.ThrowsAsync<IcebergException>(() => tables.AppendAsync(Ticks, [path], Ct));

        Assert.Equal(IcebergErrorKind.SchemaMismatch, error.Kind);
        Assert.Contains("column 'bid' (field id 3): expected double, actual VARCHAR", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 'venue' (field id 42) is not in the table schema", error.Message, StringComparison.Ordinal);
        Assert.Contains("required column 'ts' (field id 2, timestamptz) is missing", error.Message, StringComparison.Ordinal);
        Assert.Equal("bid, venue, ts", error.Field);
        Assert.Contains("bad.parquet", error.Message, StringComparison.Ordinal);
        Assert.Null((await tables.LoadAsync(Ticks, Ct)).Metadata.CurrentSnapshotId);
    }

    [Fact]
    public async Task AppendAsync_FileWithoutFieldIds_IsRejectedNamingTheFile()
    {
        var (_, tables) = await NewTickTableAsync();
        var path = Staging.File("noids.parquet");
        DuckDb.Query("COPY (SELECT 'EURUSD' AS symbol, TIMESTAMPTZ '2026-03-02 00:00:00+00' AS ts) TO " + DuckDb.Literal(path) + " (FORMAT PARQUET)");

        var error = await Assert.ThrowsAsync<IcebergException>(() => tables.AppendAsync(Ticks, [path], Ct));

        Assert.Equal(IcebergErrorKind.SchemaMismatch, error.Kind);
        Assert.Contains("no field ids", error.Message, StringComparison.Ordinal);
        Assert.Contains("noids.parquet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_FileSpanningTwoDays_IsRejectedNamingThePartitionField()
    {
        var (_, tables) = await NewTickTableAsync();
        var path = Staging.File("twodays.parquet");
        DuckDb.Query("COPY (SELECT * FROM (VALUES ('EURUSD', TIMESTAMPTZ '2026-03-02 23:59:59+00'), ('EURUSD', TIMESTAMPTZ '2026-03-03 00:00:00+00')) t(symbol, ts)) TO "
            + DuckDb.Literal(path) + " (FORMAT PARQUET, FIELD_IDS {symbol: 1, ts: 2})");

        var error = await Assert.ThrowsAsync<IcebergException>(() => tables.AppendAsync(Ticks, [path], Ct));

        Assert.Equal("ts_day", error.Field);
        Assert.Contains("every row 2026-03-02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanOptions_AfterAppendsAndATag_TravelBySnapshotIdTimestampAndTag()
    {
        var (_, created) = await NewTickTableAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        var tables = Tables(created.Catalog, time: clock);
        var first = await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.1)], Ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day2, 1.2)], Ct);
        await tables.CreateTagAsync(Ticks, "before_day2", first.SnapshotId!.Value, Ct);

        var reader = await tables.LoadAsync(Ticks, Ct);

        Assert.Equal([1.1, 1.2], Bids(reader.Scan()));
        Assert.Equal([1.1], Bids(reader.Scan(new IcebergScanOptions { SnapshotId = first.SnapshotId })));
        Assert.Equal([1.1], Bids(reader.Scan(new IcebergScanOptions { Ref = "before_day2" })));
        var firstTime = reader.Metadata.Snapshot(first.SnapshotId.Value).TimestampMs;
        Assert.Equal([1.1], Bids(reader.Scan(new IcebergScanOptions { AsOfTimestampMs = firstTime })));
        Assert.Equal("tag", reader.Metadata.Refs["before_day2"].Type);
        Assert.Equal(2, reader.Metadata.Snapshots.Count);
    }

    [Fact]
    public async Task AppendCopiesAsync_TickWriterFile_TableOwnsACopyThatSurvivesTheSourceBeingReplaced()
    {
        var (_, tables) = await NewTickTableAsync();
        var ticks = new TickKernelExtensions.Market.TickColumns();
        var midnight = (Day1.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10;
        ticks.Add(midnight + 1_500_000, 1.08512, 1.08515, 1.25f, float.NaN);
        ticks.Add(midnight + 86_399_999_999, 1.08601, 1.08603, float.NaN, 2.5f);
        var source = await TickKernelExtensions.Tests.Columnar.TickFileAssert.WriteAsync(Staging.File("EURUSD.parquet"), "EURUSD", ticks);

        await tables.AppendCopiesAsync(Ticks, [source], Ct);
        File.Delete(source);

        var reader = await tables.LoadAsync(Ticks, Ct);
        var file = Assert.Single(reader.Plan().DataFiles).File;
        Assert.StartsWith(tables.DefaultLocation(Ticks) + "/data/symbol=EURUSD/ts_day=2026-03-02/", file.FilePath, StringComparison.Ordinal);
        Assert.Equal(["EURUSD", (object)Day1], [file.Partition[1000], file.Partition[1001]]);
        var rows = reader.Scan().Rows.OrderBy(r => (DateTime)r[1]!).ToList();
        Assert.Equal(["EURUSD", new DateTime(2026, 3, 2, 0, 0, 1, 500, DateTimeKind.Utc), 1.08512, 1.08515, 1.25f, null], rows[0]);
        Assert.Equal(new DateTime(2026, 3, 2, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990), rows[1][1]);
        Assert.Equal([null, 2.5f], rows[1][4..]);
    }
}
