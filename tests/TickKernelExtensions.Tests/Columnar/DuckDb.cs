using DuckDB.NET.Data;

namespace TickKernelExtensions.Tests.Columnar;

/// <summary>DuckDB (in memory) as the independent reader of the files under test.</summary>
internal static class DuckDb
{
    /// <summary>All rows of a query, DBNull mapped to null.</summary>
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
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

    public static T Scalar<T>(string sql) => (T)Convert.ChangeType(Query(sql).Single()[0]!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A path as a SQL string literal.</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The ticks of a file (or glob) in file order, as DuckDB reads them.</summary>
    public static List<(string Symbol, long Ts, double? Bid, double? Ask, float? BidVolume, float? AskVolume)> ReadTicks(string path, string extra = "")
    {
        var rows = Query($"SELECT symbol, epoch_us(ts), bid, ask, bid_volume, ask_volume FROM read_parquet({Literal(path)}{extra})");
        return rows.Select(r => ((string)r[0]!, (long)r[1]!, (double?)r[2], (double?)r[3], (float?)r[4], (float?)r[5])).ToList();
    }
}
