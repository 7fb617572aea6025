using System.Data.Common;
using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

/// <summary>
/// The catalog's contract, run on every backend: each subclass provides fresh databases and raw SQL access to them.
/// Every test opens its own database, so tests never see each other's rows.
/// </summary>
public abstract partial class JdbcCatalogContract : IAsyncDisposable
{
    /// <summary>Iceberg's own DDL, verbatim from <c>JdbcUtil</c> (V0 create, V1 upgrade, namespace properties).</summary>
    protected const string IcebergV0CreateCatalogSql =
        "CREATE TABLE iceberg_tables(catalog_name VARCHAR(255) NOT NULL,table_namespace VARCHAR(255) NOT NULL," +
        "table_name VARCHAR(255) NOT NULL,metadata_location VARCHAR(1000),previous_metadata_location VARCHAR(1000)," +
        "PRIMARY KEY (catalog_name, table_namespace, table_name))";

    protected const string IcebergV1UpdateCatalogSql = "ALTER TABLE iceberg_tables ADD COLUMN iceberg_type VARCHAR(5)";

    protected const string IcebergCreateNamespacePropertiesSql =
        "CREATE TABLE iceberg_namespace_properties(catalog_name VARCHAR(255) NOT NULL,namespace VARCHAR(255) NOT NULL," +
        "property_key VARCHAR(255),property_value VARCHAR(1000),PRIMARY KEY (catalog_name, namespace, property_key))";

    private readonly List<IIcebergCatalog> _catalogs = [];
    private readonly TempDirectory _files = new();

    /// <summary>A folder for the tests' "metadata files".</summary>
    private protected TempDirectory Files => _files;

    /// <summary>A new, empty database: a SQLite file path or a PostgreSQL connection string.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>Catalog options for a database.</summary>
    protected abstract JdbcCatalogOptions OptionsFor(string database);

    /// <summary>An open raw connection to a database, for setup and for checking what the catalog wrote.</summary>
    protected abstract Task<DbConnection> ConnectAsync(string database);

    /// <summary>Each column of a table as (name, type as VARCHAR(n), not null, primary-key position or 0), in column order.</summary>
    protected abstract Task<List<(string Name, string Type, bool NotNull, int PrimaryKey)>> DescribeAsync(string database, string table);

    protected async Task<JdbcCatalog> OpenAsync(string database, string catalogName = "lake", CommitRetryOptions? retry = null)
    {
        var options = OptionsFor(database) with { CatalogName = catalogName };
        if (retry is not null)
        {
            options = options with { CommitRetry = retry };
        }
        var catalog = await JdbcCatalog.OpenAsync(options, TestContext.Current.CancellationToken);
        lock (_catalogs)
        {
            _catalogs.Add(catalog);
        }
        return catalog;
    }

    protected async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await ConnectAsync(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    protected async Task<List<object?[]>> QueryAsync(string database, string sql)
    {
        await using var connection = await ConnectAsync(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Writes a "metadata file" holding lines and returns its location.</summary>
    protected string WriteMetadata(IEnumerable<string> lines)
    {
        var path = Files.File(Guid.NewGuid().ToString("N") + ".metadata.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var catalog in _catalogs)
        {
            await catalog.DisposeAsync();
        }
        _files.Dispose();
        await DisposeDatabasesAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeDatabasesAsync() => ValueTask.CompletedTask;
}
