using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// Iceberg's JDBC catalog, table for table and column for column (<c>iceberg_tables</c> with <c>iceberg_type</c>,
/// and <c>iceberg_namespace_properties</c>), on SQLite or PostgreSQL. Trino, Spark and pyiceberg pointed at the same
/// database with the same catalog name see the same tables. All SQL is parameterised and every name is validated
/// first (<see cref="CatalogNames"/>). Open one with <see cref="OpenAsync"/>; thread safe; each operation uses a
/// pooled connection of its own, except table lookups, which run a prepared statement on a few connections the catalog
/// keeps open until it is disposed.
/// </summary>
public sealed partial class JdbcCatalog : IIcebergCatalog
{
    private readonly CatalogDialect _dialect;
    private readonly JdbcCatalogOptions _options;
    private readonly ILogger _logger;

    private JdbcCatalog(CatalogDialect dialect, JdbcCatalogOptions options)
    {
        _dialect = dialect;
        _options = options;
        _logger = options.Logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name => _options.CatalogName;

    /// <summary>The backend.</summary>
    public CatalogBackend Backend => _options.Backend;

    /// <summary>Where the catalog lives (the SQLite file, or PostgreSQL host, port and database; never a password).</summary>
    public string Description => _dialect.Description;

    /// <summary>
    /// Opens the catalog: validates the options, connects, and creates the catalog tables when missing (or adds
    /// <c>iceberg_type</c> to a V0 <c>iceberg_tables</c>) unless <see cref="JdbcCatalogOptions.InitializeCatalogTables"/> is false.
    /// </summary>
    /// <exception cref="CatalogException">
    /// <see cref="CatalogErrorKind.InvalidOptions"/>, or <see cref="CatalogErrorKind.IncompatibleSchema"/> when the
    /// tables are missing and may not be created, or do not have Iceberg's columns.
    /// </exception>
    public static async Task<JdbcCatalog> OpenAsync(JdbcCatalogOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CatalogDialect dialect = options.Backend == CatalogBackend.Sqlite
            ? new SqliteCatalogDialect(options.Connection, options.BusyTimeout)
            : new PostgresCatalogDialect(options.Connection);
        var catalog = new JdbcCatalog(dialect, options);
        try
        {
            await catalog.EnsureSchemaAsync(cancellationToken);
            return catalog;
        }
        catch
        {
            await catalog.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CloseLookupsAsync();
        await _dialect.DisposeAsync();
    }

    internal static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private DbCommand Command(DbConnection connection, string sql, string ns, DbTransaction? transaction = null)
    {
        var command = Command(connection, sql, transaction);
        AddParameter(command, "catalog", Name);
        AddParameter(command, "namespace", ns);
        return command;
    }

    private DbCommand Command(DbConnection connection, string sql, TableIdentifier table, DbTransaction? transaction = null)
    {
        var command = Command(connection, sql, table.Namespace, transaction);
        AddParameter(command, "name", table.Name);
        return command;
    }

    private static async Task<List<string>> ReadStringsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
