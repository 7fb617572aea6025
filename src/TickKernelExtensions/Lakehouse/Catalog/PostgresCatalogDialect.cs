using System.Data.Common;
using Npgsql;

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// PostgreSQL through Npgsql (pooled data source). Schema changes take a transaction-scoped advisory lock, so catalogs
/// opening the same database at once do not race on <c>CREATE TABLE</c>; the catalog tables live in the connection's
/// current schema (<c>search_path</c>), as with Iceberg's Java catalog.
/// </summary>
internal sealed class PostgresCatalogDialect : CatalogDialect
{
    /// <summary>An arbitrary constant naming the catalog-schema advisory lock ("iceberg" in ASCII).</summary>
    private const long SchemaLockKey = 0x69636562657267;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresCatalogDialect(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Description { get; }

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async ValueTask<DbTransaction> BeginSchemaChangeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
            JdbcCatalog.AddParameter(command, "key", SchemaLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public override async Task<HashSet<string>?> ColumnsAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND lower(table_name) = @table";
        JdbcCatalog.AddParameter(command, "table", table);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0).ToLowerInvariant());
        }
        return columns.Count == 0 ? null : columns;
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
