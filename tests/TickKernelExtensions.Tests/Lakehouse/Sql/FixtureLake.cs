using Microsoft.Data.Sqlite;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Sql;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Sql;

/// <summary>
/// A temporary SQLite catalog holding the fixture tables nobody here wrote, registered by their metadata locations
/// (s3(a)://hyperparam-iceberg/ remapped to the fixture folder): spark.bunnies (v5), java.bunnies (v5),
/// spark.rename_column (v3) and athena.example (00001-…).
/// </summary>
internal sealed class FixtureLake : IAsyncDisposable
{
    public const string AthenaLatest = "00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json";

    private readonly TempDirectory _folder;

    private FixtureLake(TempDirectory folder, LakehouseSql sql, JdbcCatalogOptions catalogOptions)
    {
        _folder = folder;
        Sql = sql;
        CatalogOptions = catalogOptions;
    }

    /// <summary>The catalog the lake's tables are registered in.</summary>
    public JdbcCatalogOptions CatalogOptions { get; }

    public LakehouseSql Sql { get; }

    /// <summary>The local folder the fixtures' bucket maps to.</summary>
    public static string BucketFolder => Fixtures.Path("iceberg/hyperparam-iceberg");

    /// <summary>The lake on a SQLite catalog in a temp folder, or on the catalog <paramref name="catalogOptions"/> names.</summary>
    public static async Task<FixtureLake> CreateAsync(JdbcCatalogOptions? catalogOptions = null)
    {
        var bucketFolder = BucketFolder;
        var folder = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        catalogOptions ??= JdbcCatalogOptions.Sqlite(folder.File("catalog.db"));
        await using (var catalog = await JdbcCatalog.OpenAsync(catalogOptions, ct))
        {
            foreach (var ns in new[] { "spark", "java", "athena" })
            {
                await catalog.CreateNamespaceAsync(ns, cancellationToken: ct);
            }
            await catalog.CreateTableAsync(new("spark", "bunnies"), Location("spark/bunnies", "v5.metadata.json"), ct);
            await catalog.CreateTableAsync(new("java", "bunnies"), Location("java/bunnies", "v5.metadata.json"), ct);
            await catalog.CreateTableAsync(new("spark", "rename_column"), Location("spark/rename_column", "v3.metadata.json"), ct);
            await catalog.CreateTableAsync(new("athena", "example"), Location("athena/example", AthenaLatest), ct);
        }
        var sql = await LakehouseSql.OpenAsync(new LakehouseSqlOptions
        {
            Catalog = catalogOptions,
            LocationPrefixes = new Dictionary<string, string>
            {
                ["s3://" + IcebergFixtureTables.Bucket + "/"] = bucketFolder,
                ["s3a://" + IcebergFixtureTables.Bucket + "/"] = bucketFolder,
            },
        }, ct);
        return new FixtureLake(folder, sql, catalogOptions);
    }

    /// <summary>The s3a:// location of a fixture metadata file, as a catalog would hold it.</summary>
    public static string Location(string table, string metadataFile) => $"s3a://{IcebergFixtureTables.Bucket}/{table}/metadata/{metadataFile}";

    public async ValueTask DisposeAsync()
    {
        await Sql.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
