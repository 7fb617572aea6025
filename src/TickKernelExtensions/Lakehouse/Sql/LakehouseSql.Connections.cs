using System.Globalization;
using DuckDB.NET.Data;

namespace TickKernelExtensions.Lakehouse.Sql;

// One in-memory DuckDB database per engine, opened on first use (opening one costs about 10 ms, more than a small
// query). Each query gets its own connection to it (Duplicate: microseconds) and its own attached in-memory catalog,
// made the connection's default with USE, so the views of concurrent queries (a table at different snapshots, say)
// never meet; the catalog is detached when the query's reader is disposed. The session time zone is UTC, as every
// time in the lake is: '2026-03-03' compared with a timestamptz column means midnight UTC on any machine.
public sealed partial class LakehouseSql
{
    private readonly Lock _rootLock = new();
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
                using (var utc = root.CreateCommand())
                {
                    utc.CommandText = "SET GLOBAL TimeZone = 'UTC'";
                    utc.ExecuteNonQuery();
                }
                _root = root;
            }
            return _root;
        }
    }

    /// <summary>
    /// A connection with the query's own catalog attached and in use; in the same round trip, DuckDB's parse tree of
    /// <paramref name="sql"/> (<c>json_serialize_sql</c>), or null when DuckDB cannot serialise it.
    /// </summary>
    private (DuckDBConnection Connection, string CatalogName, string? Tree) OpenQueryConnection(string sql)
    {
        DuckDBConnection connection;
        lock (_rootLock)
        {
            connection = Root().Duplicate();
        }
        var name = string.Create(CultureInfo.InvariantCulture, $"query_{Interlocked.Increment(ref _queries)}");
        try
        {
            connection.Open();
            using var attach = connection.CreateCommand();
            attach.CommandText = $"ATTACH ':memory:' AS {SqlNameScanner.Quote(name)}; USE {SqlNameScanner.Quote(name)}; " +
                "SELECT json_serialize_sql('" + sql.Replace("'", "''", StringComparison.Ordinal) + "'::VARCHAR)";
            string? tree;
            try
            {
                tree = attach.ExecuteScalar() as string;
            }
            catch (DuckDBException)
            {
                // The attach ran first; only the serialisation failed (DuckDB cannot serialise every statement).
                tree = null;
                using var check = connection.CreateCommand();
                check.CommandText = "SELECT current_database()";
                if (check.ExecuteScalar() as string != name)
                {
                    throw;
                }
            }
            return (connection, name, tree);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CloseQueryConnection(DuckDBConnection connection, string catalogName)
    {
        try
        {
            using var detach = connection.CreateCommand();
            detach.CommandText = $"USE memory; DETACH DATABASE IF EXISTS {SqlNameScanner.Quote(catalogName)}";
            detach.ExecuteNonQuery();
        }
        catch (DuckDBException)
        {
            // The query's SQL may have detached or switched catalogs itself; the in-memory catalog then goes with the database.
        }
        finally
        {
            connection.Dispose();
        }
    }
}
