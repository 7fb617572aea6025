using DuckDB.NET.Data;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Lakehouse.Bronze;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Sql;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Columnar;

namespace TickKernelExtensions.Tests.Lakehouse.Bronze;

/// <summary>Stage 1's tick Parquet published as <c>bronze.ticks</c>, queried back through the catalog with SQL.</summary>
public sealed class BronzeTicksTests : IAsyncDisposable
{
    private const string Source = "builtin-0badc0de";
    private static readonly long Day1 = TickTime.ToMicros(new DateTime(2024, 3, 7, 0, 0, 0, DateTimeKind.Utc));
    private static readonly long Day2 = TickTime.ToMicros(new DateTime(2024, 3, 8, 0, 0, 0, DateTimeKind.Utc));

    private readonly TempDirectory _dir = new();
    private readonly DataLayout _layout;
    private JdbcCatalog? _catalog;

    public BronzeTicksTests() => _layout = new DataLayout(_dir.Path);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAsync_TwoSymbolsTwoDays_SqlSeesEveryTickOnceAndRepublishCommitsNothing()
    {
        var dataset = new TickParquetDataset(_layout.Ticks);
        await WriteAsync(dataset, ("EURUSD", Day1, 500), ("EURUSD", Day2, 300), ("XAUUSD", Day1, 200));
        var tables = await TablesAsync();

        var first = await BronzeTicks.PublishAsync(tables, dataset, Source, _layout.LakehouseState, Ct);
        var again = await BronzeTicks.PublishAsync(tables, dataset, Source, _layout.LakehouseState, Ct);

        Assert.Equal((3, 3, 0, 0, 1), (first.Files, first.Added, first.Replaced, first.Unchanged, first.Commits));
        Assert.Equal((0, 0, 3, 0, (long?)null), (again.Added, again.Replaced, again.Unchanged, again.Commits, again.SnapshotId));
        var counts = await QueryAsync("SELECT symbol, count(*) AS n FROM bronze.ticks GROUP BY symbol ORDER BY symbol");
        Assert.Equal([("EURUSD", 800L), ("XAUUSD", 200L)], counts.Rows.Select(r => ((string)r[0]!, Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(Count(dataset), Convert.ToInt64((await QueryAsync("SELECT count(*) FROM bronze.ticks")).Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        var metadata = (await tables.LoadAsync(BronzeTicks.Table, Ct)).Metadata;
        Assert.Single(metadata.Snapshots);
        Assert.Equal(["symbol", "ts_day"], metadata.DefaultSpec.Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task PublishAsync_DayReconvertedAndDayAdded_OverwritesThatPartitionAppendsTheNewAndKeepsTimeTravel()
    {
        var dataset = new TickParquetDataset(_layout.Ticks);
        await WriteAsync(dataset, ("EURUSD", Day1, 500), ("EURUSD", Day2, 300));
        var tables = await TablesAsync();
        var first = await BronzeTicks.PublishAsync(tables, dataset, Source, _layout.LakehouseState, Ct);

        // Stage 1 converts day 2 again (fewer ticks) and adds XAUUSD; the source's files are replaced in place.
        await WriteAsync(dataset, ("EURUSD", Day2, 120), ("XAUUSD", Day1, 50));
        var second = await BronzeTicks.PublishAsync(tables, dataset, Source, _layout.LakehouseState, Ct);

        Assert.Equal((1, 1, 1), (second.Added, second.Replaced, second.Unchanged));
        Assert.Equal(2, second.Commits);
        Assert.Equal(670L, Convert.ToInt64((await QueryAsync("SELECT count(*) FROM bronze.ticks")).Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        var before = await QueryAsync($"SELECT count(*) FROM bronze.ticks FOR VERSION AS OF {first.SnapshotId}");
        Assert.Equal(800L, Convert.ToInt64(before.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PublishAsync_SourceWithoutFiles_ErrorNamesTheSourceAndFolder()
    {
        var dataset = new TickParquetDataset(_layout.Ticks);
        await WriteAsync(dataset, ("EURUSD", Day1, 10));
        var tables = await TablesAsync();

        var error = await Assert.ThrowsAsync<IcebergException>(() => BronzeTicks.PublishAsync(tables, dataset, "dukascopy-bi5", _layout.LakehouseState, Ct));

        Assert.Contains("No tick Parquet of source 'dukascopy-bi5'", error.Message, StringComparison.Ordinal);
        Assert.Contains("dukascopy-bi5.parquet", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }
        _dir.Dispose();
    }

    private async Task<IcebergTables> TablesAsync()
    {
        _catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(Path.Combine(_layout.Root, JdbcCatalogOptions.SqliteFileName)), Ct);
        return new IcebergTables(_catalog, new IcebergTablesOptions { Warehouse = _layout.Lake });
    }

    private async Task<QueryResult> QueryAsync(string sql)
    {
        await using var lake = LakehouseSql.Over(_catalog!, new LocalIcebergFileIO());
        return await lake.QueryAsync(sql, cancellationToken: Ct);
    }

    private static async Task WriteAsync(TickParquetDataset dataset, params (string Symbol, long Day, int Count)[] days)
    {
        await using var writer = dataset.BeginWrite(Source);
        foreach (var (symbol, day, count) in days)
        {
            await writer.AppendAsync(symbol, SyntheticTicks.Create(count, seed: count, startMicros: day + 3_600_000_000L, maxStepMicros: 2_000_000), Ct);
        }
        await writer.CommitAsync(Ct);
    }

    private static long Count(TickParquetDataset dataset)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{dataset.Root}/**/*.parquet', hive_partitioning = false)";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
