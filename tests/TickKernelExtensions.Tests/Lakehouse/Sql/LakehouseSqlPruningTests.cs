using System.Globalization;
using Microsoft.Data.Sqlite;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Sql;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Sql;

/// <summary>
/// The WHERE clause prunes the files a query reads (partition values, manifest summaries, column bounds), and never
/// changes a result: every form is checked against the same SQL over an unprunable subquery.
/// </summary>
public sealed class LakehouseSqlPruningTests : IAsyncLifetime
{
    private static readonly DateOnly[] Days = [new(2026, 3, 2), new(2026, 3, 3), new(2026, 3, 4), new(2026, 3, 5)];
    private static readonly TableIdentifier Ticks = new("bronze", "ticks");
    private readonly TempDirectory _folder = new();
    private readonly List<string> _files = [];
    private JdbcCatalog _catalog = null!;
    private LakehouseSql _sql = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(_folder.File("catalog.db")), Ct);
        await _catalog.CreateNamespaceAsync("bronze", cancellationToken: Ct);
        var tables = new IcebergTables(_catalog, new IcebergTablesOptions { Warehouse = _folder.File("lake") });
        await tables.CreateTableAsync(Ticks, IcebergTableMetadataJsonTests.TickSchema, IcebergTableMetadataJsonTests.TickSpec, cancellationToken: Ct);
        // One append per day and symbol: EURUSD bids 1.1x on each day, GBPUSD 1.2x; eight files, eight manifests.
        for (var d = 0; d < Days.Length; d++)
        {
            foreach (var (symbol, level) in new[] { ("EURUSD", 1.1), ("GBPUSD", 1.2) })
            {
                var file = TickFile(symbol, Days[d], [level + d * 0.001, level + d * 0.001 + 0.0001, level + d * 0.001 + 0.0002]);
                await tables.AppendAsync(Ticks, [file], Ct);
                _files.Add(file);
            }
        }
        _sql = LakehouseSql.Over(_catalog, new LocalIcebergFileIO());
    }

    [Fact]
    public async Task QueryAsync_OneDayOfOneSymbol_ReadsOneFileAndSaysWhatPrunedIt()
    {
        var result = await _sql.QueryAsync(
            "SELECT count(*), min(bid) FROM bronze.ticks WHERE ts >= TIMESTAMPTZ '2026-03-03 00:00:00+00' AND ts < TIMESTAMPTZ '2026-03-04 00:00:00+00' AND symbol = 'EURUSD'",
            cancellationToken: Ct);

        Assert.Equal(3L, result.Rows[0][0]);
        Assert.Equal(1.101, (double)result.Rows[0][1]!, 9);
        var scan = Assert.Single(result.Scans);
        Assert.Equal("bronze.ticks", scan.Table);
        Assert.Equal(1, scan.DataFiles);
        Assert.Equal(1, scan.ManifestsRead);
        Assert.Equal(7, scan.ManifestsPruned);
        Assert.Equal("ts >= 2026-03-03 00:00:00 UTC AND ts < 2026-03-04 00:00:00 UTC AND symbol = 'EURUSD'", Assert.Single(scan.PrunedBy));
    }

    [Fact]
    public async Task QueryAsync_TheSameShapeWithOtherLiterals_PrunesWithItsOwnLiterals()
    {
        // The second and later queries reuse the first one's parse (same text but for the string literals): each must
        // still prune with, and answer for, its own day and symbol.
        foreach (var (day, symbol, level) in new[] { (1, "EURUSD", 1.101), (2, "GBPUSD", 1.202), (3, "EURUSD", 1.103), (0, "GBPUSD", 1.2) })
        {
            var from = Days[day].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = Days[day].AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            var result = await _sql.QueryAsync(
                $"SELECT count(*), min(bid) FROM bronze.ticks WHERE ts >= TIMESTAMPTZ '{from} 00:00:00+00' AND ts < TIMESTAMPTZ '{to} 00:00:00+00' AND symbol = '{symbol}'",
                cancellationToken: Ct);

            Assert.Equal(3L, result.Rows[0][0]);
            Assert.Equal(level, (double)result.Rows[0][1]!, 9);
            var scan = Assert.Single(result.Scans);
            Assert.Equal(1, scan.DataFiles);
            Assert.Equal($"ts >= {from} 00:00:00 UTC AND ts < {to} 00:00:00 UTC AND symbol = '{symbol}'", Assert.Single(scan.PrunedBy));
        }
    }

    [Fact]
    public async Task QueryAsync_AStringLiteralThatIsNotAConstant_IsParsedAsWritten()
    {
        // 'n' is an alias here, not a value: the shape's parse cannot stand in for this query's, which is parsed as
        // written; the WHERE's literal 'GBPUSD' with an apostrophe-free twin 'it''s' checks the unescaping too.
        var aliased = await _sql.QueryAsync("SELECT count(*) AS 'n' FROM bronze.ticks WHERE symbol = 'GBPUSD'", cancellationToken: Ct);
        var escaped = await _sql.QueryAsync("SELECT count(*) FROM bronze.ticks WHERE symbol = 'it''s'", cancellationToken: Ct);

        Assert.Equal("n", Assert.Single(aliased.Columns).Name);
        Assert.Equal(12L, aliased.Rows[0][0]);
        Assert.Equal(4, Assert.Single(aliased.Scans).DataFiles);
        Assert.Equal(0L, escaped.Rows[0][0]);
        Assert.Equal("symbol = 'it''s'", Assert.Single(Assert.Single(escaped.Scans).PrunedBy));
    }

    [Fact]
    public async Task QueryAsync_PrunedFiles_AreNeverOpened()
    {
        // Every file but the 2026-03-05 EURUSD one is gone: a query that needs only that one still runs.
        foreach (var file in _files.Take(_files.Count - 2).Append(_files[^1]))
        {
            File.Delete(file);
        }

        var result = await _sql.QueryAsync("SELECT count(*) FROM bronze.ticks WHERE ts >= '2026-03-05' AND symbol = 'EURUSD'", cancellationToken: Ct);

        Assert.Equal(3L, result.Rows[0][0]);
        var whole = await Assert.ThrowsAsync<LakehouseSqlException>(() => _sql.QueryAsync("SELECT count(*) FROM bronze.ticks", cancellationToken: Ct));
        Assert.Equal(LakehouseSqlErrorKind.TableUnreadable, whole.Kind);
    }

    [Theory]
    [InlineData("t.ts >= TIMESTAMPTZ '2026-03-03 00:00:00+00' AND t.ts < TIMESTAMPTZ '2026-03-04 00:00:00+00'", 2)]
    [InlineData("ts >= '2026-03-03' AND ts < '2026-03-04'", 2)]
    [InlineData("ts BETWEEN DATE '2026-03-03' AND TIMESTAMP '2026-03-03 00:00:01'", 2)]
    [InlineData("'2026-03-04' <= ts", 4)]
    [InlineData("ts < TIMESTAMPTZ '2026-03-03 00:00:00+00'", 2)]
    [InlineData("ts <= TIMESTAMPTZ '2026-03-03 00:00:00+00'", 4)]
    [InlineData("ts > TIMESTAMPTZ '2026-03-04 23:59:59+00'", 2)]
    [InlineData("ts >= TIMESTAMPTZ '2026-03-03 00:00:00+01'", 6)]
    [InlineData("symbol = 'GBPUSD'", 4)]
    [InlineData("symbol > 'F'", 4)]
    [InlineData("bid > 1.1025", 5)]
    [InlineData("bid >= 1.2 AND bid < 1.2015", 2)]
    [InlineData("bid = 1.1", 1)]
    [InlineData("1.103 <= bid AND symbol = 'EURUSD'", 1)]
    [InlineData("bid > 1", 8)]
    [InlineData("ts >= '2026-03-03' OR symbol = 'GBPUSD'", 8)]
    [InlineData("symbol IN ('GBPUSD')", 8)]
    [InlineData("ts >= now() - INTERVAL 1000 DAY", 8)]
    [InlineData("ts > (SELECT max(ts) - INTERVAL 1 DAY FROM bronze.ticks)", 8)]
    [InlineData("ts > '2026-03-10'", 0)]
    [InlineData("bid_volume > 1.4", 8)]
    [InlineData("ask_volume IS NULL AND ts < '2026-03-03'", 2)]
    public async Task QueryAsync_WhereForm_PrunesAsExpectedAndGivesTheUnprunedResult(string where, int filesRead)
    {
        // Summed as decimals: a double sum depends on the order DuckDB's threads add the rows in.
        var pruned = await _sql.QueryAsync($"SELECT count(*), sum(bid::DECIMAL(18, 6)), min(ts), max(ts) FROM bronze.ticks t WHERE {where}", cancellationToken: Ct);
        var reference = await _sql.QueryAsync($"SELECT count(*), sum(bid::DECIMAL(18, 6)), min(ts), max(ts) FROM (SELECT * FROM bronze.ticks) t WHERE {where}", cancellationToken: Ct);

        Assert.Equal(Render(reference), Render(pruned));
        Assert.Equal(filesRead, Assert.Single(pruned.Scans).DataFiles);
        Assert.Equal(8, Assert.Single(reference.Scans).DataFiles);
    }

    [Fact]
    public async Task QueryAsync_TwoReferencesWithDifferentDays_ReadTheUnionOfTheirFiles()
    {
        var result = await _sql.QueryAsync(
            "SELECT (SELECT count(*) FROM bronze.ticks WHERE ts < '2026-03-03' AND symbol = 'EURUSD'), " +
            "(SELECT count(*) FROM bronze.ticks WHERE ts >= '2026-03-05' AND symbol = 'GBPUSD')", cancellationToken: Ct);

        Assert.Equal("3, 3", Render(result));
        Assert.Equal(2, Assert.Single(result.Scans).DataFiles);
        Assert.Equal(2, result.Scans[0].PrunedBy.Count);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM bronze.ticks a JOIN bronze.ticks b ON a.ts = b.ts AND a.symbol = b.symbol WHERE a.ts < '2026-03-03'", "6", 8)]
    [InlineData("SELECT count(*) FROM bronze.ticks WHERE ts < '2026-03-03' UNION ALL SELECT count(*) FROM bronze.ticks ORDER BY 1", "6|24", 8)]
    [InlineData("SELECT count(*) FROM bronze.ticks WHERE ts < '2026-03-03' UNION ALL SELECT count(*) FROM bronze.ticks WHERE ts >= '2026-03-05' ORDER BY 1", "6|6", 4)]
    [InlineData("WITH d AS (SELECT * FROM bronze.ticks WHERE symbol = 'EURUSD') SELECT count(*) FROM d WHERE ts < '2026-03-03'", "3", 4)]
    public async Task QueryAsync_JoinsSetOperationsAndCtes_PruneOnlyWhereEveryUseAllowsIt(string sql, string expected, int filesRead)
    {
        var result = await _sql.QueryAsync(sql, cancellationToken: Ct);

        Assert.Equal(expected, Render(result));
        Assert.Equal(filesRead, Assert.Single(result.Scans).DataFiles);
    }

    [Fact]
    public async Task QueryAsync_TimeTravelWithAWhere_PrunesWithinThatSnapshot()
    {
        var snapshots = IcebergTableReader.Open(new LocalIcebergFileIO(), (await _catalog.LoadTableAsync(Ticks, Ct)).MetadataLocation).Metadata.Snapshots;
        var third = snapshots[2].SnapshotId; // after the first day (two files) and the second day's EURUSD file

        var result = await _sql.QueryAsync(
            $"SELECT count(*) FROM bronze.ticks FOR VERSION AS OF {third} WHERE ts >= '2026-03-03'", cancellationToken: Ct);

        Assert.Equal(3L, result.Rows[0][0]);
        Assert.Equal(third, Assert.Single(result.Scans).SnapshotId);
        Assert.Equal(1, result.Scans[0].DataFiles);
    }

    [Fact]
    public async Task QueryAsync_FilesThatReadAsTheSchema_AreOneReadParquetWithoutSubqueriesOrCasts()
    {
        var result = await _sql.QueryAsync("SELECT count(*), min(bid) FROM bronze.ticks WHERE ts >= '2026-03-03' AND ts < '2026-03-04'", cancellationToken: Ct);

        Assert.Equal([6L, 1.101], result.Rows[0]);
        Assert.Equal(2, Assert.Single(result.Scans).DataFiles);
        Assert.Contains("FROM read_parquet([", result.ExecutedSql, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT t.", result.ExecutedSql, StringComparison.Ordinal);
        var oneFile = await _sql.QueryAsync("SELECT count(*) FROM bronze.ticks WHERE ts >= '2026-03-03' AND ts < '2026-03-04' AND symbol = 'GBPUSD'", cancellationToken: Ct);
        Assert.Equal(3L, oneFile.Rows[0][0]);
        Assert.Contains("FROM read_parquet('", oneFile.ExecutedSql, StringComparison.Ordinal);
        Assert.DoesNotContain("UNION ALL", result.ExecutedSql, StringComparison.Ordinal);
        Assert.Equal(["symbol", "ts", "bid", "ask", "bid_volume", "ask_volume"],
            (await _sql.QueryAsync("SELECT * FROM bronze.ticks LIMIT 1", cancellationToken: Ct)).Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task QueryAsync_AFileWithColumnsInAnotherOrder_IsMappedByFieldIdBesideTheOthers()
    {
        // Same field ids, columns written in another order: that file is read through its own SELECT (by id), the
        // others as before, and every value lands in its column.
        var path = _folder.File("staging/reordered.parquet");
        DuckDb.Query($"COPY (SELECT 2.5::DOUBLE AS bid, TIMESTAMPTZ '2026-03-03 12:00:00+00' AS ts, 'EURUSD' AS symbol, 2.6::DOUBLE AS ask, " +
            $"NULL::FLOAT AS bid_volume, NULL::FLOAT AS ask_volume) TO {DuckDb.Literal(path)} " +
            "(FORMAT PARQUET, FIELD_IDS {symbol: 1, ts: 2, bid: 3, ask: 4, bid_volume: 5, ask_volume: 6})");
        var tables = new IcebergTables(_catalog, new IcebergTablesOptions { Warehouse = _folder.File("lake") });
        await tables.AppendAsync(Ticks, [path], Ct);

        var result = await _sql.QueryAsync(
            "SELECT count(*), max(bid), max(ask), min(symbol) FROM bronze.ticks WHERE ts >= '2026-03-03' AND ts < '2026-03-04' AND symbol = 'EURUSD'",
            cancellationToken: Ct);

        Assert.Equal([4L, 2.5, 2.6, "EURUSD"], result.Rows[0]);
        Assert.Contains("UNION ALL", result.ExecutedSql, StringComparison.Ordinal);
        Assert.Contains("t.\"bid\"::DOUBLE", result.ExecutedSql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_AfterARename_MapsTheOldFilesByFieldIdUnderTheNewName()
    {
        var tables = new IcebergTables(_catalog, new IcebergTablesOptions { Warehouse = _folder.File("lake") });
        await tables.RenameColumnAsync(Ticks, "bid", "bid_price", Ct);

        var result = await _sql.QueryAsync("SELECT count(*), min(bid_price) FROM bronze.ticks WHERE ts >= '2026-03-03' AND ts < '2026-03-04'", cancellationToken: Ct);

        Assert.Equal([6L, 1.101], result.Rows[0]);
        Assert.DoesNotContain("hive_partitioning = false) AS \"ticks\"", result.ExecutedSql, StringComparison.Ordinal);
        Assert.Contains("t.\"bid\"::DOUBLE AS \"bid_price\"", result.ExecutedSql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_AfterADelete_AppliesItInsteadOfReadingTheFilesDirectly()
    {
        var tables = new IcebergTables(_catalog, new IcebergTablesOptions { Warehouse = _folder.File("lake") });
        await tables.DeleteWhereAsync(Ticks, [new IcebergPredicate("symbol", IcebergComparison.Equal, "GBPUSD")], Ct);

        var result = await _sql.QueryAsync("SELECT count(*), max(bid) FROM bronze.ticks WHERE ts >= '2026-03-03' AND ts < '2026-03-04'", cancellationToken: Ct);

        Assert.Equal([3L, 1.1012], result.Rows[0]);
    }

    private string TickFile(string symbol, DateOnly day, double[] bids)
    {
        var path = _folder.File(string.Create(CultureInfo.InvariantCulture, $"staging/{symbol}-{day:yyyyMMdd}.parquet"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var values = string.Join(", ", bids.Select((b, i) => string.Create(CultureInfo.InvariantCulture,
            $"({DuckDb.Literal(symbol)}, TIMESTAMPTZ '{day:yyyy-MM-dd} 00:00:{i:00}+00', {b}::DOUBLE, {b + 0.0002}::DOUBLE, 1.5::FLOAT, NULL::FLOAT)")));
        DuckDb.Query($"COPY (SELECT * FROM (VALUES {values}) t(symbol, ts, bid, ask, bid_volume, ask_volume)) TO {DuckDb.Literal(path)} " +
            "(FORMAT PARQUET, FIELD_IDS {symbol: 1, ts: 2, bid: 3, ask: 4, bid_volume: 5, ask_volume: 6})");
        return path;
    }

    private static string Render(QueryResult result) => string.Join("|", result.Rows.Select(Render));

    private static string Render(object?[] row) => string.Join(", ", row.Select(v => v switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    }));

    public async ValueTask DisposeAsync()
    {
        await _sql.DisposeAsync();
        await _catalog.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
