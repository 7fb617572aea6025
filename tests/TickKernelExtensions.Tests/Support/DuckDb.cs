using DuckDB.NET.Data;

namespace TickKernelExtensions.Tests.Support;

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

    /// <summary>The ticks of one file, in file order, as DuckDB reads them.</summary>
    public static List<(string Symbol, long Ts, double? Bid, double? Ask, float? BidVolume, float? AskVolume)> ReadTicks(string path) =>
        Ticks($"FROM read_parquet({Literal(path)})");

    /// <summary>
    /// The ticks of a Hive-partitioned glob (optionally of one symbol), in time order; ties keep file
    /// order (file name, then row number).
    /// </summary>
    public static List<(string Symbol, long Ts, double? Bid, double? Ask, float? BidVolume, float? AskVolume)> ReadHiveTicks(string glob, string? symbol = null) =>
        Ticks($"FROM read_parquet({Literal(glob)}, hive_partitioning = true) " +
            (symbol is null ? "" : $"WHERE symbol = {Literal(symbol)} ") +
            "ORDER BY ts, filename, file_row_number");

    private static List<(string Symbol, long Ts, double? Bid, double? Ask, float? BidVolume, float? AskVolume)> Ticks(string from)
    {
        var rows = Query($"SELECT symbol, epoch_us(ts), bid, ask, bid_volume, ask_volume {from}");
        return rows.Select(r => ((string)r[0]!, (long)r[1]!, (double?)r[2], (double?)r[3], (float?)r[4], (float?)r[5])).ToList();
    }
}
