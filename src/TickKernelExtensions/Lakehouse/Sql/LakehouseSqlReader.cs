using System.Runtime.CompilerServices;
using DuckDB.NET.Data;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// A query's result streamed row by row (for results too big to hold): the columns, then <see cref="ReadAsync"/>.
/// Owns the query's DuckDB connection; dispose it (before the engine). Not thread safe; read it once.
/// </summary>
public sealed class LakehouseSqlReader : IAsyncDisposable, IDisposable
{
    private readonly DuckDBCommand _command;
    private readonly DuckDBDataReader _reader;
    private readonly string _sql;
    private readonly Action _close;
    private bool _disposed;

    internal LakehouseSqlReader(
        DuckDBCommand command, DuckDBDataReader reader, string sql, IReadOnlyList<string?> types, IReadOnlyList<TableScan> scans, Action close)
    {
        Scans = scans;
        ExecutedSql = command.CommandText;
        _close = close;
        _command = command;
        _reader = reader;
        _sql = sql;
        Columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new QueryColumn(reader.GetName(i),
                (types.Count == reader.FieldCount && types[i] is { } type ? type : reader.GetDataTypeName(i)).ToLowerInvariant()))
            .ToList();
    }

    /// <summary>What the query read of each catalog table: the snapshot, and the files kept and left out by pruning.</summary>
    public IReadOnlyList<TableScan> Scans { get; }

    /// <summary>
    /// The SQL DuckDB ran: each table reference replaced by its scan as a derived table (<c>(SELECT … FROM
    /// read_parquet(…)) AS ticks</c>), or by a view in the query's catalog where a derived table cannot stand in.
    /// </summary>
    public string ExecutedSql { get; }

    /// <summary>The result's columns, in order, with DuckDB's type names in lower case.</summary>
    public IReadOnlyList<QueryColumn> Columns { get; }

    /// <summary>The rows, one array per row with one CLR value per column (see <see cref="QueryResult"/> for the types).</summary>
    /// <exception cref="LakehouseSqlException"><see cref="LakehouseSqlErrorKind.InvalidSql"/> when DuckDB fails mid-result.</exception>
    public async IAsyncEnumerable<object?[]> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = await _reader.ReadAsync(cancellationToken);
            }
            catch (DuckDBException e)
            {
                throw new LakehouseSqlException(LakehouseSqlErrorKind.InvalidSql, "DuckDB failed while reading the result: " + e.Message, e) { Sql = _sql };
            }
            if (!more)
            {
                yield break;
            }
            var row = new object?[Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = _reader.IsDBNull(i) ? null : DuckDbValues.Convert(_reader.GetValue(i), Columns[i].Type);
            }
            yield return row;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _reader.Dispose();
        _command.Dispose();
        _close();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
