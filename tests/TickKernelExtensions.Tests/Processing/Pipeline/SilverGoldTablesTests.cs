using Microsoft.Data.Sqlite;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Lakehouse.Bronze;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Sql;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Processing.Gold;
using TickKernelExtensions.Processing.Silver;

namespace TickKernelExtensions.Tests.Processing.Pipeline;

/// <summary>bronze.ticks → silver.ticks and silver.quality → gold bars and features, through the catalog, read back with SQL.</summary>
public sealed class SilverGoldTablesTests : IAsyncLifetime
{
    private const string Source = "builtin-5eed";
    // Wednesday and Thursday: trading days, so nothing is flagged as a closed session.
    private static readonly DateOnly Day1 = new(2024, 3, 6);
    private static readonly DateOnly Day2 = new(2024, 3, 7);
    private readonly TempDirectory _dir = new();
    private JdbcCatalog _catalog = null!;
    private IcebergTables _tables = null!;
    private LakehouseSql _sql = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var layout = new DataLayout(_dir.Path);
        var dataset = new TickParquetDataset(layout.Ticks);
        await using (var writer = dataset.BeginWrite(Source))
        {
            await writer.AppendAsync("EURUSD", Ticks(Day1, 1.10, crossedAt: 100, duplicateAt: 200), Ct);
            await writer.AppendAsync("EURUSD", Ticks(Day2, 1.11), Ct);
            await writer.AppendAsync("GBPUSD", Ticks(Day1, 1.27), Ct);
            await writer.CommitAsync(Ct);
        }
        _catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(_dir.File("catalog.db")), Ct);
        _tables = new IcebergTables(_catalog, new IcebergTablesOptions { Warehouse = layout.Lake });
        await BronzeTicks.PublishAsync(_tables, dataset, Source, layout.LakehouseState, Ct);
        _sql = LakehouseSql.Over(_catalog, new LocalIcebergFileIO());
    }

    [Fact]
    public async Task BuildAsync_BronzeWithACrossedQuoteAndADuplicate_SilverDropsBothAndTheQualityTableSaysSo()
    {
        var progress = new List<ProcessingProgress>();

        var result = await SilverTicks.BuildAsync(_tables, new SilverOptions(), new SyncProgress<ProcessingProgress>(progress.Add), Ct);

        Assert.Equal(3, result.Quality.Reports.Count);
        Assert.Equal(3, progress.Count);
        Assert.All(progress, p => Assert.Equal(("silver", 3), (p.Stage, p.Total)));
        var eurusd = result.Quality.Reports.Single(r => r.Symbol == "EURUSD" && r.Day == Day1);
        Assert.Equal((1442L, 1440L, 1L, 1L), (eurusd.InputTicks, eurusd.KeptTicks, eurusd.Dropped(TickDropReason.CrossedQuote), eurusd.Dropped(TickDropReason.DuplicateExact)));
        var silver = await _sql.QueryAsync("SELECT symbol, count(*), min(session_date), max(session_date), sum(CASE WHEN ask < bid THEN 1 ELSE 0 END) FROM silver.ticks GROUP BY symbol ORDER BY symbol", cancellationToken: Ct);
        Assert.Equal(
            ["EURUSD, 2880, 2024-03-06, 2024-03-08, 0", "GBPUSD, 1440, 2024-03-06, 2024-03-07, 0"],
            silver.Rows.Select(Render));
        var quality = await _sql.QueryAsync("SELECT symbol, day, input_ticks, kept_ticks, dropped_crossed_quote, dropped_duplicate_exact FROM silver.quality ORDER BY symbol, day", cancellationToken: Ct);
        Assert.Equal(
            ["EURUSD, 2024-03-06, 1442, 1440, 1, 1", "EURUSD, 2024-03-07, 1440, 1440, 0, 0", "GBPUSD, 2024-03-06, 1440, 1440, 0, 0"],
            quality.Rows.Select(Render));
    }

    [Fact]
    public async Task BuildAsync_RunTwice_ReplacesThePartitionsInsteadOfAddingRows()
    {
        await SilverTicks.BuildAsync(_tables, cancellationToken: Ct);
        var again = await SilverTicks.BuildAsync(_tables, new SilverOptions { Symbols = ["GBPUSD"] }, cancellationToken: Ct);

        Assert.Single(again.Quality.Reports);
        var counts = await _sql.QueryAsync("SELECT (SELECT count(*) FROM silver.ticks), (SELECT count(*) FROM silver.quality)", cancellationToken: Ct);
        Assert.Equal("4320, 3", Render(counts.Rows[0]));
        var snapshots = IcebergTableReader.Open(_tables.Io, (await _catalog.LoadTableAsync(SilverTicks.Table, Ct)).MetadataLocation).Metadata.Snapshots;
        Assert.Equal(["overwrite", "overwrite"], snapshots.Select(s => s.Summary["operation"]));
    }

    [Fact]
    public async Task BuildAsync_Gold_BarsMatchTheSilverTicksAndFeaturesCarryTheirSet()
    {
        var silver = await SilverTicks.BuildAsync(_tables, cancellationToken: Ct);

        var gold = await GoldTables.BuildAsync(_tables, new GoldOptions { Bars = new TimeBarOptions { Timeframe = TimeSpan.FromMinutes(5) } }, cancellationToken: Ct);

        Assert.Equal(silver.SilverSnapshotId, gold.SilverSnapshotId);
        Assert.Equal("gold.bars_5m", gold.BarsTable.ToString());
        Assert.Equal("gold.features_gold_core_v1", gold.FeaturesTable.ToString());
        // A tick a minute from 00:00 for 24 h: 288 five-minute bars a day of 5 ticks each (the two dropped ticks were extras).
        var bars = await _sql.QueryAsync(
            "SELECT symbol, count(*), sum(tick_count), min(tick_count), max(tick_count) FROM gold.bars_5m GROUP BY symbol ORDER BY symbol", cancellationToken: Ct);
        Assert.Equal(["EURUSD, 576, 2880, 5, 5", "GBPUSD, 288, 1440, 5, 5"], bars.Rows.Select(Render));
        // The bar's bid OHLC equals the silver ticks of its interval.
        var check = await _sql.QueryAsync(
            "SELECT count(*) FROM gold.bars_5m b JOIN (SELECT symbol, time_bucket(INTERVAL 5 MINUTE, ts) AS t, max(bid) AS hi, min(bid) AS lo, count(*) AS n " +
            "FROM silver.ticks GROUP BY ALL) s ON s.symbol = b.symbol AND s.t = b.open_time WHERE s.hi = b.bid_high AND s.lo = b.bid_low AND s.n = b.tick_count",
            cancellationToken: Ct);
        Assert.Equal(864L, check.Rows[0][0]);
        var features = await _sql.QueryAsync(
            "SELECT count(*), count(log_return_1), count(DISTINCT symbol) FROM gold.features_gold_core_v1", cancellationToken: Ct);
        Assert.Equal("864, 862, 2", Render(features.Rows[0]));
        var properties = IcebergTableReader.Open(_tables.Io, (await _catalog.LoadTableAsync(gold.FeaturesTable, Ct)).MetadataLocation).Metadata.Properties;
        Assert.Equal(FeatureSetDefinition.GoldCore.ContentHash, properties["tick.feature-set.sha256"]);
        Assert.Equal(FeatureSetDefinition.GoldCore, FeatureSetDefinition.FromJson(properties["tick.feature-set"]));
    }

    [Fact]
    public async Task BuildAsync_CancelledMidRun_LeavesTheCommittedSilverSnapshotAndItsFilesAsTheyWere()
    {
        var first = await SilverTicks.BuildAsync(_tables, cancellationToken: Ct);
        var data = Path.Combine(_dir.Path, "lake", "silver", "ticks", "data");
        var filesBefore = Directory.GetFiles(data, "*", SearchOption.AllDirectories).Order().ToList();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SilverTicks.BuildAsync(_tables,
            new SilverOptions { MaxDegreeOfParallelism = 1 }, new SyncProgress<ProcessingProgress>(_ => cancel.Cancel()), cancel.Token));

        var entry = await _catalog.LoadTableAsync(SilverTicks.Table, Ct);
        Assert.Equal(first.SilverSnapshotId, IcebergTableReader.Open(_tables.Io, entry.MetadataLocation).Metadata.CurrentSnapshotId);
        Assert.Equal(4320L, (await _sql.QueryAsync("SELECT count(*) FROM silver.ticks", cancellationToken: Ct)).Rows[0][0]);
        Assert.Equal(filesBefore, Directory.GetFiles(data, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public async Task BuildAsync_ADayOfOnlyCrossedQuotes_GivesAReportAndAnEmptyPartitionNotACrash()
    {
        var layout = new DataLayout(_dir.Path);
        var dataset = new TickParquetDataset(layout.Ticks);
        var start = TickTime.ToMicros(Day2.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var crossed = new TickColumns(100);
        for (var i = 0; i < 100; i++)
        {
            crossed.Add(start + (i * 1_000_000L), 0.9101, 0.9099, 1f, 1f);
        }
        await using (var writer = dataset.BeginWrite(Source))
        {
            await writer.AppendAsync("USDCHF", crossed, Ct);
            await writer.CommitAsync(Ct);
        }
        await BronzeTicks.PublishAsync(_tables, dataset, Source, layout.LakehouseState, Ct);

        var silver = await SilverTicks.BuildAsync(_tables, new SilverOptions { Symbols = ["USDCHF"] }, cancellationToken: Ct);
        var gold = await GoldTables.BuildAsync(_tables, new GoldOptions { Symbols = ["USDCHF"] }, cancellationToken: Ct);

        var report = Assert.Single(silver.Quality.Reports);
        Assert.Equal((100L, 0L, 100L), (report.InputTicks, report.KeptTicks, report.Dropped(TickDropReason.CrossedQuote)));
        Assert.NotNull(silver.SilverSnapshotId);
        Assert.Equal(0L, (await _sql.QueryAsync("SELECT count(*) FROM silver.ticks WHERE symbol = 'USDCHF'", cancellationToken: Ct)).Rows[0][0]);
        Assert.Equal("USDCHF, 100, 0", Render((await _sql.QueryAsync("SELECT symbol, input_ticks, kept_ticks FROM silver.quality", cancellationToken: Ct)).Rows[0]));
        Assert.Equal(0L, gold.Bars);
    }

    [Fact]
    public async Task ReplacePartitionsAsync_FileOutsideTheNamedPartitions_NamesFileExpectedAndActualAndChangesNothing()
    {
        await SilverTicks.BuildAsync(_tables, cancellationToken: Ct);
        var before = (await _catalog.LoadTableAsync(SilverTicks.Table, Ct)).MetadataLocation;
        var gbpFile = Directory.GetFiles(Path.Combine(_dir.Path, "lake", "silver", "ticks", "data", "symbol=GBPUSD"), "*.parquet", SearchOption.AllDirectories).Single();
        var copy = _dir.File("gbp.parquet");
        File.Copy(gbpFile, copy);

        var error = await Assert.ThrowsAsync<IcebergException>(() => _tables.ReplacePartitionsAsync(SilverTicks.Table,
            [new Dictionary<string, object?> { ["symbol"] = "EURUSD", ["ts_day"] = Day1 }], [copy], Ct));

        Assert.Equal(IcebergErrorKind.SchemaMismatch, error.Kind);
        Assert.Contains("gbp.parquet", error.File, StringComparison.Ordinal);
        Assert.Contains("EURUSD", error.Expected, StringComparison.Ordinal);
        Assert.Contains("GBPUSD", error.Actual, StringComparison.Ordinal);
        Assert.Equal(before, (await _catalog.LoadTableAsync(SilverTicks.Table, Ct)).MetadataLocation);
    }

    // One tick a minute for a day, a slow walk; optionally a crossed quote and an exact repeat inserted.
    private static TickColumns Ticks(DateOnly day, double level, int? crossedAt = null, int? duplicateAt = null)
    {
        var start = TickTime.ToMicros(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var ticks = new TickColumns(1500);
        for (var i = 0; i < 1440; i++)
        {
            var bid = Math.Round(level + 0.0001 * Math.Sin(i / 30.0), 5);
            var t = start + (i * 60_000_000L) + 1_000_000;
            ticks.Add(t, bid, bid + 0.0001, 1.5f, 1.25f);
            if (i == crossedAt)
            {
                ticks.Add(t + 500_000, bid, bid - 0.0002, 1f, 1f);
            }
            if (i == duplicateAt)
            {
                ticks.Add(t, bid, bid + 0.0001, 1.5f, 1.25f);
            }
        }
        return ticks;
    }

    private static string Render(object?[] row) => string.Join(", ", row.Select(v => v switch
    {
        null => "null",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString(),
    }));

    public async ValueTask DisposeAsync()
    {
        await _sql.DisposeAsync();
        await _catalog.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
