using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>
/// The reader on a table written here (DuckDB Parquet with field ids, our manifests and metadata): values,
/// pruning, deletes with sequence numbers, time travel, schema evolution and files without field ids.
/// </summary>
public sealed class IcebergTableReaderTests : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 1, 15);
    private static readonly DateOnly Day2 = new(2024, 1, 16);
    private readonly TempDirectory _dir = new();
    private readonly IcebergTestTable _table;
    private readonly IcebergDataFile _eurDay1;
    private readonly IcebergDataFile _eurDay2;
    private readonly IcebergDataFile _gbpDay1;

    public IcebergTableReaderTests()
    {
        _table = new IcebergTestTable(_dir.Path);
        _eurDay1 = _table.TickFile("EURUSD", Day1,
            ("2024-01-15T10:00:00.000001Z", 1.0871, 1.0872), ("2024-01-15T10:00:01Z", 1.0873, 1.0874), ("2024-01-15T23:59:59.999999Z", 1.0869, 1.0870));
        _eurDay2 = _table.TickFile("EURUSD", Day2, ("2024-01-16T00:00:00Z", 1.0901, 1.0902), ("2024-01-16T08:00:00Z", 1.0911, 1.0912));
        _gbpDay1 = _table.TickFile("GBPUSD", Day1, ("2024-01-15T09:00:00Z", 1.2701, 1.2703), ("2024-01-15T09:30:00Z", 1.2711, 1.2713));
        _table.Commit(1001, 1_705_400_000_000, [_eurDay1, _eurDay2]);
        _table.Tags["first"] = new IcebergSnapshotRef(1001, IcebergSnapshotRef.Tag);
        _table.Commit(1002, 1_705_500_000_000, [_gbpDay1]);
    }

    public void Dispose() => _dir.Dispose();

    private IcebergTableReader Open() => IcebergTableReader.Open(new LocalIcebergFileIO(), _table.WriteMetadata());

    [Fact]
    public void Scan_Current_ReturnsEveryRowWithTypedValuesInManifestOrder()
    {
        var result = Open().Scan();

        Assert.Equal(7, result.Rows.Count);
        Assert.Equal(["symbol", "ts", "bid", "ask", "bid_volume", "ask_volume"], result.Columns.Select(c => c.Name));
        var first = result.Rows[0];
        Assert.Equal("EURUSD", first[0]);
        Assert.Equal(new DateTime(2024, 1, 15, 10, 0, 0, DateTimeKind.Utc).AddTicks(10), first[1]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)first[1]!).Kind);
        Assert.Equal(1.0871, first[2]);
        Assert.Equal(1.5f, first[4]);
        Assert.Null(first[5]);
        Assert.Equal(["EURUSD", "EURUSD", "EURUSD", "EURUSD", "EURUSD", "GBPUSD", "GBPUSD"], result.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void Scan_MatchesDuckDbReadingTheSameFiles()
    {
        var result = Open().Scan(new IcebergScanOptions { Columns = ["symbol", "ts", "bid"] });
        var files = string.Join(", ", new[] { _eurDay1, _eurDay2, _gbpDay1 }.Select(f => DuckDb.Literal(f.FilePath["file:".Length..])));

        var duck = DuckDb.Query($"SELECT symbol, epoch_us(ts), bid FROM read_parquet([{files}]) ORDER BY symbol, ts");

        var ours = result.Rows.OrderBy(r => (string)r[0]!, StringComparer.Ordinal).ThenBy(r => (DateTime)r[1]!)
            .Select(r => new object?[] { r[0], IcebergValues.ToOrdinal(IcebergPrimitiveType.TimestampTz, r[1]!), r[2] }).ToList();
        Assert.Equal(duck, ours);
    }

    [Fact]
    public void Scan_FilterOnSymbol_PrunesTheOtherManifestByPartitionSummary()
    {
        var result = Open().Scan(new IcebergScanOptions { Filter = [IcebergPredicate.Equal("symbol", "GBPUSD")] });

        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(1, result.Plan.ManifestsPruned);
        Assert.Equal(1, result.Plan.ManifestsRead);
        Assert.Equal(_gbpDay1.FilePath, Assert.Single(result.Plan.DataFiles).File.FilePath);
    }

    [Fact]
    public void Scan_FilterOnTimestamp_PrunesByDayPartitionAndKeepsTheBoundary()
    {
        var since = new DateTime(2024, 1, 16, 0, 0, 0, DateTimeKind.Utc);

        var result = Open().Scan(new IcebergScanOptions { Filter = [IcebergPredicate.GreaterThanOrEqual("ts", since)] });

        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(_eurDay2.FilePath, Assert.Single(result.Plan.DataFiles).File.FilePath);
        Assert.Equal(1, result.Plan.ManifestsPruned); // the GBPUSD manifest holds day 1 only
        Assert.Equal(1, result.Plan.FilesPruned); // eurDay1, by its ts_day partition value
        Assert.Equal(since, result.Rows[0][1]);
    }

    [Fact]
    public void Scan_RangeOnTimestampWithinADay_PrunesByColumnBounds()
    {
        var result = Open().Scan(new IcebergScanOptions
        {
            Filter =
            [
                IcebergPredicate.GreaterThan("ts", new DateTime(2024, 1, 15, 9, 59, 0, DateTimeKind.Utc)),
                IcebergPredicate.LessThan("ts", new DateTime(2024, 1, 15, 10, 0, 1, DateTimeKind.Utc)),
            ],
        });

        // gbpDay1 shares the day partition but its ts upper bound (09:30) is below the range.
        Assert.Equal(_eurDay1.FilePath, Assert.Single(result.Plan.DataFiles).File.FilePath);
        Assert.Equal(1.0871, Assert.Single(result.Rows)[2]);
    }

    [Fact]
    public void Scan_FilterOnBid_PrunesByBoundsAndFiltersRows()
    {
        var result = Open().Scan(new IcebergScanOptions { Filter = [IcebergPredicate.GreaterThan("bid", 1.09)], Columns = ["bid"] });

        Assert.Equal([1.0901, 1.0911, 1.2701, 1.2711], result.Rows.Select(r => (double)r[0]!));
        Assert.Equal(1, result.Plan.FilesPruned);
    }

    [Fact]
    public void Scan_FilterOnUnknownColumn_NamesItAndTheColumns()
    {
        var error = Assert.Throws<IcebergException>(() => Open().Scan(new IcebergScanOptions { Filter = [IcebergPredicate.Equal("price", 1.0)] }));

        Assert.Equal(IcebergErrorKind.ColumnNotFound, error.Kind);
        Assert.Contains("'price'", error.Message, StringComparison.Ordinal);
        Assert.Contains("symbol, ts, bid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_TagAndTimestamp_TravelToTheFirstSnapshot()
    {
        var reader = Open();

        Assert.Equal(5, reader.Scan(new IcebergScanOptions { Ref = "first" }).Rows.Count);
        Assert.Equal(5, reader.Scan(new IcebergScanOptions { AsOfTimestampMs = 1_705_499_999_999 }).Rows.Count);
        Assert.Equal(7, reader.Scan(new IcebergScanOptions { AsOfTimestampMs = 1_705_500_000_000 }).Rows.Count);
        Assert.Throws<ArgumentException>(() => reader.Scan(new IcebergScanOptions { Ref = "first", SnapshotId = 1001 }));
    }

    [Fact]
    public void Scan_PositionAndEqualityDeletes_ApplyOnlyToOlderDataInTheirPartition()
    {
        var newGbp = _table.TickFile("GBPUSD", Day1, ("2024-01-15T11:00:00Z", 1.2701, 1.2702));
        var otherPartition = _table.TickFile("EURUSD", Day2, ("2024-01-16T12:00:00Z", 1.2701, 1.2702));
        _table.Commit(1003, 1_705_600_000_000,
        [
            newGbp,
            otherPartition,
            _table.PositionDeletes(_eurDay1, 1),
            _table.EqualityDeletesOnBid(_gbpDay1.Partition, 1.2701),
        ]);

        var result = Open().Scan();

        // eurDay1 row 1 is gone; gbpDay1's 1.2701 row is gone; the same bid committed with the delete (newGbp,
        // same sequence number) and the one in another partition stay.
        Assert.Equal(2, result.RowsDeleted);
        Assert.Equal(7, result.Rows.Count);
        Assert.DoesNotContain(result.Rows, r => (double)r[2]! == 1.0873);
        Assert.Equal(2, result.Rows.Count(r => (double)r[2]! == 1.2701));
        Assert.Single(result.Rows, r => (string)r[0]! == "GBPUSD" && (double)r[2]! == 1.2701 && ((DateTime)r[1]!).Hour == 11);
        Assert.Equal(2, result.Plan.DeleteFiles.Count);
        var sql = DuckDb.Query($"SELECT symbol, bid FROM ({IcebergDuckDbSql.Query(Open())}) ORDER BY symbol, bid");
        Assert.Equal(result.Rows.Select(r => $"{r[0]} {r[2]}").Order(StringComparer.Ordinal), sql.Select(r => $"{r[0]} {r[1]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_RenamedAndAddedColumns_MapByFieldId()
    {
        var evolved = new IcebergSchema(1,
        [
            .. _table.Schema.Fields.Select(f => f.Id == 3 ? f with { Name = "bid_price" } : f),
            new IcebergField(7, "venue", false, IcebergPrimitiveType.String),
        ]);
        _table.Schemas.Add(evolved);
        _table.Schema = evolved;

        var result = Open().Scan(new IcebergScanOptions { Columns = ["venue", "bid_price"] });

        Assert.Equal(7, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Null(r[0]));
        Assert.Equal(1.0871, result.Rows[0][1]);
        Assert.Equal(7L, DuckDb.Scalar<long>($"SELECT count(*) FROM ({IcebergDuckDbSql.Query(Open())}) WHERE venue IS NULL AND bid_price > 1"));
        // Time travel to a snapshot or tag reads with the snapshot's own schema (the old name); a branch with the current one.
        var old = Open().Scan(new IcebergScanOptions { SnapshotId = 1002, Columns = ["bid"] });
        Assert.Equal(1.0871, old.Rows[0][0]);
        Assert.Equal("bid", Open().Scan(new IcebergScanOptions { Ref = "first" }).Columns[2].Name);
        _table.Tags["dev"] = new IcebergSnapshotRef(1001, IcebergSnapshotRef.Branch);
        var branch = Open().Scan(new IcebergScanOptions { Ref = "dev", Columns = ["bid_price"] });
        Assert.Equal(5, branch.Rows.Count);
    }

    [Fact]
    public void Scan_FileWithoutFieldIds_UsesTheNameMapping()
    {
        var noIds = _table.WriteParquet(
            "SELECT 'USDJPY' AS sym, TIMESTAMPTZ '2024-01-15 12:00:00+00' AS ts, 148.1::DOUBLE AS bid, 148.2::DOUBLE AS ask, NULL::FLOAT AS bid_volume, NULL::FLOAT AS ask_volume",
            null);
        _table.Properties["schema.name-mapping.default"] = """[{"field-id":1,"names":["symbol","sym"]},{"field-id":2,"names":["ts"]},{"field-id":3,"names":["bid"]}]""";
        _table.Commit(1003, 1_705_600_000_000,
        [
            new IcebergDataFile
            {
                FilePath = noIds,
                Partition = new Dictionary<int, object?> { [1000] = "USDJPY", [1001] = Day1 },
                RecordCount = 1,
                FileSizeInBytes = new FileInfo(noIds["file:".Length..]).Length,
            },
        ]);

        var result = Open().Scan(new IcebergScanOptions { Filter = [IcebergPredicate.Equal("symbol", "USDJPY")] });

        var row = Assert.Single(result.Rows);
        Assert.Equal("USDJPY", row[0]);
        Assert.Equal(148.1, row[2]);
        Assert.Null(row[3]); // 'ask' is not in the name mapping
    }

    [Fact]
    public void Scan_MissingDataFile_IsFileNotFoundNamingIt()
    {
        File.Delete(_gbpDay1.FilePath["file:".Length..]);

        var error = Assert.Throws<IcebergException>(() => Open().Scan());

        Assert.Equal(IcebergErrorKind.FileNotFound, error.Kind);
        Assert.Equal(_gbpDay1.FilePath, error.File);
    }

    [Fact]
    public void Scan_MissingManifestList_IsFileNotFoundNamingIt()
    {
        var reader = Open();
        var list = reader.Metadata.CurrentSnapshot!.ManifestList;
        File.Delete(list["file:".Length..]);

        var error = Assert.Throws<IcebergException>(() => reader.Scan());

        Assert.Equal(IcebergErrorKind.FileNotFound, error.Kind);
        Assert.Equal(list, error.File);
    }

    [Fact]
    public void Scan_ColumnOfTheWrongType_NamesFileColumnExpectedAndActual()
    {
        var bad = _table.WriteParquet(
            "SELECT 'USDJPY' AS symbol, TIMESTAMPTZ '2024-01-15 12:00:00+00' AS ts, 'n/a' AS bid",
            "symbol: 1, ts: 2, bid: 3");
        _table.Commit(1003, 1_705_600_000_000,
        [
            new IcebergDataFile
            {
                FilePath = bad,
                Partition = new Dictionary<int, object?> { [1000] = "USDJPY", [1001] = Day1 },
                RecordCount = 1,
                FileSizeInBytes = new FileInfo(bad["file:".Length..]).Length,
            },
        ]);

        var error = Assert.Throws<IcebergException>(() => Open().Scan(new IcebergScanOptions { Filter = [IcebergPredicate.Equal("symbol", "USDJPY")] }));

        Assert.Equal(IcebergErrorKind.SchemaMismatch, error.Kind);
        Assert.Equal(bad, error.File);
        Assert.Equal("bid", error.Field);
        Assert.Equal("double", error.Expected);
        Assert.StartsWith("n/a", error.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_EmptyTable_ReturnsNoRowsAndTheSchema()
    {
        using var dir = new TempDirectory();
        var empty = new IcebergTestTable(dir.Path);

        var result = IcebergTableReader.Open(new LocalIcebergFileIO(), empty.WriteMetadata()).Scan();

        Assert.Empty(result.Rows);
        Assert.Equal(6, result.Columns.Count);
        Assert.Null(result.Plan.Snapshot);
        Assert.Null(IcebergTableReader.Open(new LocalIcebergFileIO(), empty.WriteMetadata()).Scan(new IcebergScanOptions { Ref = "main" }).Plan.Snapshot);
    }
}
