using Microsoft.Data.Analysis;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// A query's result, the same whichever engine ran it (the embedded DuckDB or Trino): columns in order and rows
/// of CLR values — <c>long</c>/<c>int</c>/<c>short</c>/<c>sbyte</c>, <c>double</c>/<c>float</c>, <c>decimal</c>,
/// <c>bool</c>, <c>string</c>, <c>DateOnly</c>, <c>TimeOnly</c>, <c>DateTime</c> (timestamps without zone),
/// <c>DateTimeOffset</c> (with zone), <c>byte[]</c>, <c>Guid</c>, <c>object?[]</c> (arrays and rows),
/// <c>Dictionary&lt;string, object?&gt;</c> (maps) — or null.
/// </summary>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows; each has one value per column.</param>
/// <param name="UpdateType">For a statement that changes data or schema, what it was (e.g. <c>INSERT</c>), else null.</param>
/// <param name="UpdateCount">For such a statement, how many rows it changed, when the engine says.</param>
public sealed record QueryResult(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<object?[]> Rows, string? UpdateType = null, long? UpdateCount = null)
{
    /// <summary>
    /// What the embedded engine read of each catalog table (snapshot, files kept and pruned, the predicates that
    /// pruned them); empty for results from Trino, which reports its own plan.
    /// </summary>
    public IReadOnlyList<TableScan> Scans { get; init; } = [];

    /// <summary>The SQL DuckDB ran (see <see cref="LakehouseSqlReader.ExecutedSql"/>); empty for a result built by hand.</summary>
    public string ExecutedSql { get; init; } = "";

    /// <summary>The position of the column named <paramref name="name"/> (ordinal, case-insensitive, as SQL names are).</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message lists the columns there are.</exception>
    public int Ordinal(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        throw new KeyNotFoundException($"No column '{name}' in the result; its columns are {string.Join(", ", Columns.Select(c => c.Name))}.");
    }

    /// <summary>The values of one column, in row order.</summary>
    public IEnumerable<object?> Column(string name)
    {
        var ordinal = Ordinal(name);
        return Rows.Select(r => r[ordinal]);
    }

    /// <summary>
    /// The result as a <see cref="DataFrame"/> for notebooks: numbers, booleans, decimals and timestamps become typed
    /// columns; anything else (text, dates, nested values) becomes a string column.
    /// </summary>
    public DataFrame ToDataFrame() => new(Columns.Select((c, i) => ToDataFrameColumn(c, i)));

    private DataFrameColumn ToDataFrameColumn(QueryColumn column, int ordinal)
    {
        var values = Rows.Select(r => r[ordinal]).ToList();
        var kind = values.FirstOrDefault(v => v is not null);
        return kind switch
        {
            long or int or short or sbyte => new Int64DataFrameColumn(column.Name, values.Select(v => v is null ? (long?)null : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))),
            double or float => new DoubleDataFrameColumn(column.Name, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))),
            decimal => new DecimalDataFrameColumn(column.Name, values.Select(v => (decimal?)v)),
            bool => new BooleanDataFrameColumn(column.Name, values.Select(v => (bool?)v)),
            DateTime => new DateTimeDataFrameColumn(column.Name, values.Select(v => (DateTime?)v)),
            _ => new StringDataFrameColumn(column.Name, values.Select(Text)),
        };
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", System.Globalization.CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        object?[] items => "[" + string.Join(", ", items.Select(i => Text(i) ?? "null")) + "]",
        Dictionary<string, object?> map => "{" + string.Join(", ", map.Select(p => $"{p.Key}: {Text(p.Value) ?? "null"}")) + "}",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
