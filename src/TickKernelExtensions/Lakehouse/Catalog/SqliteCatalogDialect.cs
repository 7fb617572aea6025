using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite: WAL journal (readers never block the writer), a busy timeout so concurrent
/// writers wait for the lock instead of failing, and <c>BEGIN IMMEDIATE</c> for schema changes.
/// </summary>
internal sealed class SqliteCatalogDialect : CatalogDialect
{
    private const int SqliteConstraint = 19;
    private readonly string _connectionString;
    private readonly int _busyMilliseconds;

    public SqliteCatalogDialect(string path, TimeSpan busyTimeout)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        File = full;
        _busyMilliseconds = (int)Math.Min(int.MaxValue, busyTimeout.TotalMilliseconds);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The database file (absolute).</summary>
    public string File { get; }

    public override string Description => $"SQLite {File}";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = " + _busyMilliseconds.ToString(CultureInfo.InvariantCulture);
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>WAL is a property of the database file: set once, kept by every later connection.</summary>
    public override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async ValueTask<DbTransaction> BeginSchemaChangeAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Microsoft.Data.Sqlite begins IMMEDIATE unless deferred is asked for: the write lock is taken up front.
        await ((SqliteConnection)connection).BeginTransactionAsync(cancellationToken);

    public override async Task<HashSet<string>?> ColumnsAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM pragma_table_info(@table)";
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
        exception is SqliteException { SqliteErrorCode: SqliteConstraint };

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
