using System.Globalization;
using DuckDB.NET.Data;

namespace TickKernelExtensions.Lakehouse.Sql;

// One in-memory DuckDB database per engine, opened on first use (opening one costs about 10 ms, more than a small
// query). Each query gets a connection to it with its own attached in-memory catalog, made the connection's default
// with USE, so the views of concurrent queries (a table at different snapshots, say) never meet. A query made only of
// SELECTs (DuckDB serialised every statement; it serialises nothing else) cannot have changed that catalog, so its connection goes
// back to a small pool with the catalog still attached, and the next query drops the views it finds there in the same
// round trip that parses its SQL: attaching a catalog per query cost as much as a small query's planning. Anything
// else (DDL, SET, ATTACH in the user's SQL) detaches and closes the connection, as before. The session time zone is
// UTC, as every time in the lake is: '2026-03-03' compared with a timestamptz column means midnight UTC on any machine.
// Parquet footers are cached (DuckDB's parquet_metadata_cache): Iceberg data files are immutable, and a view binds
// the footer once when created and the query again.
public sealed partial class LakehouseSql
{
    private const int PoolSize = 4;
    private readonly Lock _rootLock = new();
    private readonly Stack<QueryConnection> _pool = new();
    private DuckDBConnection? _root;
    private bool _disposed;
    private long _queries;

    private DuckDBConnection Root()
    {
        lock (_rootLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_root is null)
            {
                var root = new DuckDBConnection("DataSource=:memory:");
                root.Open();
                using (var settings = root.CreateCommand())
                {
                    settings.CommandText = "SET GLOBAL TimeZone = 'UTC'; SET GLOBAL parquet_metadata_cache = true";
                    settings.ExecuteNonQuery();
                }
                _root = root;
            }
            return _root;
        }
    }

    /// <summary>
    /// A connection with the query's own catalog attached and in use; in the same round trip, DuckDB's parse tree of
    /// <paramref name="sql"/> (<c>json_serialize_sql</c>), or null when DuckDB cannot serialise it or no SQL is given
    /// (a pooled connection with nothing to drop then costs no round trip at all).
    /// </summary>
    private (QueryConnection Connection, string? Tree) OpenQueryConnection(string? sql)
    {
        var parse = sql is null ? "" : ParseStatement(sql);
        QueryConnection? pooled;
        lock (_rootLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _pool.TryPop(out pooled);
        }
        if (pooled is not null)
        {
            // The SELECTs of the connection's last query left it on its catalog (USE is not a SELECT); views that
            // query created are dropped in the same round trip as the parse.
            var drops = string.Concat(pooled.Schemas.Select(s => $"DROP SCHEMA IF EXISTS {SqlNameScanner.Quote(s)} CASCADE; "));
            pooled.Schemas.Clear();
            try
            {
                if (sql is null)
                {
                    if (drops.Length > 0)
                    {
                        using var drop = pooled.Connection.CreateCommand();
                        drop.CommandText = drops;
                        drop.ExecuteNonQuery();
                    }
                    return (pooled, null);
                }
                return (pooled, Parse(pooled, drops + parse));
            }
            catch (DuckDBException)
            {
                Discard(pooled);
                // A fresh connection below.
            }
        }
        DuckDBConnection connection;
        lock (_rootLock)
        {
            connection = Root().Duplicate();
        }
        var name = string.Create(CultureInfo.InvariantCulture, $"query_{Interlocked.Increment(ref _queries)}");
        var fresh = new QueryConnection(connection, name);
        try
        {
            connection.Open();
            var attach = $"ATTACH ':memory:' AS {SqlNameScanner.Quote(name)}; USE {SqlNameScanner.Quote(name)}";
            if (sql is null)
            {
                using var command = connection.CreateCommand();
                command.CommandText = attach;
                command.ExecuteNonQuery();
                return (fresh, null);
            }
            return (fresh, Parse(fresh, $"{attach}; {parse}"));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>DuckDB's parse tree of <paramref name="sql"/> on the query's connection, or null when it cannot serialise it.</summary>
    private static string? ParseOn(QueryConnection connection, string sql) => Parse(connection, ParseStatement(sql));

    private static string ParseStatement(string sql) =>
        "SELECT json_serialize_sql('" + sql.Replace("'", "''", StringComparison.Ordinal) + "'::VARCHAR)";

    private static string? Parse(QueryConnection connection, string batch)
    {
        using var command = connection.Connection.CreateCommand();
        command.CommandText = batch;
        try
        {
            return command.ExecuteScalar() as string;
        }
        catch (DuckDBException)
        {
            // The statements before the parse ran first; only the serialisation failed (DuckDB serialises SELECTs only).
            using var check = connection.Connection.CreateCommand();
            check.CommandText = "SELECT current_database()";
            if (check.ExecuteScalar() as string != connection.CatalogName)
            {
                throw;
            }
            return null;
        }
    }

    /// <summary>Back to the pool when the query was only SELECTs; otherwise the catalog is detached and the connection closed.</summary>
    private void CloseQueryConnection(QueryConnection connection, bool reusable)
    {
        if (reusable)
        {
            lock (_rootLock)
            {
                if (!_disposed && _pool.Count < PoolSize)
                {
                    _pool.Push(connection);
                    return;
                }
            }
        }
        Discard(connection);
    }

    private static void Discard(QueryConnection connection)
    {
        try
        {
            using var detach = connection.Connection.CreateCommand();
            detach.CommandText = $"USE memory; DETACH DATABASE IF EXISTS {SqlNameScanner.Quote(connection.CatalogName)}";
            detach.ExecuteNonQuery();
        }
        catch (DuckDBException)
        {
            // The query's SQL may have detached or switched catalogs itself; the in-memory catalog then goes with the database.
        }
        finally
        {
            connection.Connection.Dispose();
        }
    }

    private void DisposePool()
    {
        while (_pool.TryPop(out var connection))
        {
            connection.Connection.Dispose();
        }
    }

    /// <summary>A connection of the engine's database, the in-memory catalog attached for it, and the schemas a query created there.</summary>
    private sealed class QueryConnection(DuckDBConnection connection, string catalogName)
    {
        public DuckDBConnection Connection { get; } = connection;

        public string CatalogName { get; } = catalogName;

        public List<string> Schemas { get; } = [];
    }
}
