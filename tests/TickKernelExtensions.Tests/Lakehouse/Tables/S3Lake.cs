using System.Globalization;
using Microsoft.Data.Sqlite;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Sql;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

/// <summary>
/// A lakehouse with its warehouse on the test s3rver: a SQLite catalog, the tick table's writer (optionally through a
/// fault-injecting proxy) and SQL over its own read cache, so what the writer put is read back by an independent path.
/// </summary>
internal sealed class S3Lake : IAsyncDisposable
{
    private readonly TempDirectory _local;
    private readonly S3rverFixture _s3;
    private readonly List<IDisposable> _others = [];
    private int _files;

    private S3Lake(S3rverFixture s3, TempDirectory local, string prefix, IIcebergCatalog catalog, IcebergTables tables)
    {
        _s3 = s3;
        _local = local;
        Prefix = prefix;
        Catalog = catalog;
        Tables = tables;
        SqlCache = _local.Combine("sql-cache");
    }

    public static TableIdentifier Ticks { get; } = new("bronze", "ticks");

    public static readonly DateOnly Day1 = new(2026, 3, 2);
    public static readonly DateOnly Day2 = new(2026, 3, 3);

    /// <summary>The key prefix of this lake's warehouse in the test bucket.</summary>
    public string Prefix { get; }

    public string Warehouse => $"s3://{S3rverFixture.BucketName}/{Prefix}";

    public IIcebergCatalog Catalog { get; }

    public IcebergTables Tables { get; }

    /// <summary>The cache folder of <see cref="OpenSql"/>'s file IO.</summary>
    public string SqlCache { get; }

    /// <summary>A lake with the tick table created; the writer goes through <paramref name="proxy"/> when given.</summary>
    public static async Task<S3Lake> CreateAsync(S3rverFixture s3, FaultProxy? proxy = null)
    {
        s3.Require();
        var prefix = "lake-" + Guid.NewGuid().ToString("N")[..10] + "/wh";
        var local = new TempDirectory();
        var catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(Path.Combine(local.Path, "catalog.db")), TestContext.Current.CancellationToken);
        var tables = Writer(s3, catalog, $"s3://{S3rverFixture.BucketName}/{prefix}", Path.Combine(local.Path, "writer-cache"), proxy);
        var lake = new S3Lake(s3, local, prefix, catalog, tables);
        await catalog.CreateNamespaceAsync("bronze", cancellationToken: TestContext.Current.CancellationToken);
        await tables.CreateTableAsync(Ticks, IcebergTableMetadataJsonTests.TickSchema, IcebergTableMetadataJsonTests.TickSpec,
            cancellationToken: TestContext.Current.CancellationToken);
        return lake;
    }

    /// <summary>Another writer of the same warehouse and catalog (its own S3 client and cache), as a second process would be.</summary>
    public IcebergTables OpenWriter(string? warehouse = null)
    {
        var tables = Writer(_s3, Catalog, warehouse ?? Warehouse, _local.Combine("writer-cache-" + Guid.NewGuid().ToString("N")[..8]), null);
        _others.Add(tables);
        return tables;
    }

    private static IcebergTables Writer(S3rverFixture s3, IIcebergCatalog catalog, string warehouse, string cache, FaultProxy? proxy) =>
        new(catalog, new IcebergTablesOptions
        {
            Warehouse = warehouse,
            S3 = s3.Options("", proxy?.Url),
            Cache = new IcebergFileCacheOptions { Directory = cache },
            CommitRetry = new CommitRetryOptions { MaxAttempts = 20, MinBackoff = TimeSpan.FromMilliseconds(5), MaxBackoff = TimeSpan.FromMilliseconds(50) },
        });

    /// <summary>A reading file IO of its own (S3 through <paramref name="proxy"/> when given, cached in <see cref="SqlCache"/>).</summary>
    public (CachingIcebergFileIO Io, S3IcebergFileIO Remote) OpenIo(FaultProxy? proxy = null)
    {
        var remote = new S3IcebergFileIO(_s3.Options("", proxy?.Url));
        _others.Add(remote);
        return (new CachingIcebergFileIO(remote, new IcebergFileCacheOptions { Directory = SqlCache }), remote);
    }

    /// <summary>SQL over the catalog through <paramref name="io"/>.</summary>
    public LakehouseSql OpenSql(IIcebergFileIO io) => LakehouseSql.Over(Catalog, io);

    /// <summary>A tick Parquet file (field ids 1–6) of one symbol and day, one row per bid, a second apart from midnight.</summary>
    public string TickFile(string symbol, DateOnly day, params double[] bids)
    {
        var path = _local.Combine(string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Increment(ref _files):00000}.parquet"));
        var values = string.Join(", ", bids.Select((b, i) => string.Create(CultureInfo.InvariantCulture,
            $"({DuckDb.Literal(symbol)}, TIMESTAMPTZ '{day:yyyy-MM-dd} 00:00:{i:00}+00', {b}::DOUBLE, {b + 0.0002}::DOUBLE, 1.5::FLOAT, NULL::FLOAT)")));
        DuckDb.Query($"COPY (SELECT * FROM (VALUES {values}) t(symbol, ts, bid, ask, bid_volume, ask_volume)) TO {DuckDb.Literal(path)} " +
            "(FORMAT PARQUET, FIELD_IDS {symbol: 1, ts: 2, bid: 3, ask: 4, bid_volume: 5, ask_volume: 6})");
        return path;
    }

    /// <summary>The bids SQL returns for the table (at <paramref name="version"/> when given), in order.</summary>
    public static async Task<List<double>> BidsAsync(LakehouseSql sql, long? version = null)
    {
        var clause = version is { } v ? string.Create(CultureInfo.InvariantCulture, $" FOR VERSION AS OF {v}") : "";
        var result = await sql.QueryAsync($"SELECT bid FROM bronze.ticks{clause} ORDER BY bid", cancellationToken: TestContext.Current.CancellationToken);
        return result.Rows.Select(r => (double)r[0]!).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Tables.Dispose();
        await Catalog.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var other in _others)
        {
            other.Dispose();
        }
        _local.Dispose();
    }
}
