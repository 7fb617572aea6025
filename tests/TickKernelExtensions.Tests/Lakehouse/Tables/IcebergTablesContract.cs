using System.Globalization;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

/// <summary>
/// The write path's contract, run on every catalog backend: tables are written under a temporary warehouse, data
/// files are written by DuckDB with field ids in a staging folder outside it, and everything is read back with our
/// reader and with DuckDB.
/// </summary>
public abstract partial class IcebergTablesContract : IAsyncDisposable
{
    private readonly List<IIcebergCatalog> _catalogs = [];
    private int _files;

    private protected TempDirectory Warehouse { get; } = new();

    private protected TempDirectory Staging { get; } = new();

    protected static TableIdentifier Ticks { get; } = new("bronze", "ticks");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Catalog options for a new, empty catalog database.</summary>
    protected abstract Task<JdbcCatalogOptions> NewCatalogAsync();

    protected async Task<IIcebergCatalog> OpenCatalogAsync(JdbcCatalogOptions options)
    {
        var catalog = await JdbcCatalog.OpenAsync(options, Ct);
        lock (_catalogs)
        {
            _catalogs.Add(catalog);
        }
        return catalog;
    }

    protected IcebergTables Tables(IIcebergCatalog catalog, CommitRetryOptions? retry = null, TimeProvider? time = null) =>
        new(catalog, new IcebergTablesOptions { Warehouse = Warehouse.Path, CommitRetry = retry, Time = time ?? TimeProvider.System });

    /// <summary>A catalog with namespace bronze and the tick table created in it.</summary>
    protected async Task<(JdbcCatalogOptions Options, IcebergTables Tables)> NewTickTableAsync()
    {
        var options = await NewCatalogAsync();
        var catalog = await OpenCatalogAsync(options);
        await catalog.CreateNamespaceAsync("bronze", cancellationToken: Ct);
        var tables = Tables(catalog);
        await tables.CreateTableAsync(Ticks, IcebergTableMetadataJsonTests.TickSchema, IcebergTableMetadataJsonTests.TickSpec, cancellationToken: Ct);
        return (options, tables);
    }

    /// <summary>A tick Parquet file (field ids 1–6) of one symbol and day: one row per bid, a second apart from midnight.</summary>
    protected string TickFile(string symbol, DateOnly day, params double[] bids)
    {
        var path = Staging.File(string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Increment(ref _files):00000}.parquet"));
        var values = string.Join(", ", bids.Select((b, i) => string.Create(CultureInfo.InvariantCulture,
            $"({DuckDb.Literal(symbol)}, TIMESTAMPTZ '{day:yyyy-MM-dd} 00:00:{i:00}+00', {b}::DOUBLE, {b + 0.0002}::DOUBLE, 1.5::FLOAT, NULL::FLOAT)")));
        DuckDb.Query($"COPY (SELECT * FROM (VALUES {values}) t(symbol, ts, bid, ask, bid_volume, ask_volume)) TO {DuckDb.Literal(path)} " +
            "(FORMAT PARQUET, FIELD_IDS {symbol: 1, ts: 2, bid: 3, ask: 4, bid_volume: 5, ask_volume: 6})");
        return path;
    }

    protected static readonly DateOnly Day1 = new(2026, 3, 2);
    protected static readonly DateOnly Day2 = new(2026, 3, 3);

    /// <summary>The bids of a scan, sorted.</summary>
    protected static List<double> Bids(IcebergScanResult scan, string column = "bid") =>
        scan.Column(column).Select(v => (double)v!).Order().ToList();

    protected static List<string> MetadataFiles(IcebergTables tables) =>
        Directory.GetFiles(tables.Io.LocalPath(tables.DefaultLocation(Ticks) + "/metadata")!, "*.metadata.json").ToList();

    protected virtual ValueTask DisposeDatabasesAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var catalog in _catalogs)
        {
            await catalog.DisposeAsync();
        }
        await DisposeDatabasesAsync();
        Warehouse.Dispose();
        Staging.Dispose();
        GC.SuppressFinalize(this);
    }
}
