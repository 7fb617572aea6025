using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Columnar;

/// <summary>
/// Reads ticks back from a <see cref="TickParquetDataset"/> through embedded DuckDB (an independent
/// Parquet reader), pruning partitions by symbol and date before any file is opened.
/// </summary>
public static class TickQuery
{
    /// <summary>
    /// The ticks of <paramref name="symbol"/> in <c>[fromUtc, toUtc)</c>, in time order (ties in file order).
    /// Null volumes come back as NaN. <paramref name="sourceId"/> restricts to one source's files
    /// (e.g. <c>dukascopy-bi5</c>) when a partition holds several.
    /// </summary>
    public static TickColumns Read(
        TickParquetDataset dataset, string symbol, DateTime fromUtc, DateTime toUtc, string? sourceId = null, int maxTicks = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTicks);
        var from = TickTime.ToMicros(fromUtc);
        var to = TickTime.ToMicros(toUtc);
        var files = FilesOf(dataset, symbol, fromUtc, toUtc, sourceId);
        var ticks = new TickColumns(1024);
        if (files.Count == 0 || maxTicks == 0)
        {
            return ticks;
        }
        using var connection = Open();
        using var command = connection.CreateCommand();
        var list = SqlList(files);
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"""
            SELECT epoch_us(ts), bid, ask, bid_volume, ask_volume
            FROM read_parquet([{list}], filename = true, file_row_number = true)
            WHERE ts >= make_timestamp({from}) AND ts < make_timestamp({to})
            ORDER BY ts, filename, file_row_number
            LIMIT {maxTicks}
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ticks.Add(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2),
                reader.IsDBNull(3) ? float.NaN : reader.GetFloat(3),
                reader.IsDBNull(4) ? float.NaN : reader.GetFloat(4));
        }
        return ticks;
    }

    /// <summary>How many ticks <paramref name="symbol"/> (every symbol when null) has in <c>[fromUtc, toUtc)</c>.</summary>
    public static long Count(TickParquetDataset dataset, string? symbol, DateTime fromUtc, DateTime toUtc, string? sourceId = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var files = FilesOf(dataset, symbol, fromUtc, toUtc, sourceId);
        if (files.Count == 0)
        {
            return 0;
        }
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT count(*) FROM read_parquet([{SqlList(files)}]) WHERE ts >= make_timestamp({TickTime.ToMicros(fromUtc)}) AND ts < make_timestamp({TickTime.ToMicros(toUtc)})");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> FilesOf(TickParquetDataset dataset, string? symbol, DateTime fromUtc, DateTime toUtc, string? sourceId)
    {
        var firstDay = DateOnly.FromDateTime(fromUtc);
        var lastDay = DateOnly.FromDateTime(toUtc.AddTicks(-1));
        return dataset.ListFiles(symbol)
            .Where(f => f.Date >= firstDay && f.Date <= lastDay)
            .Where(f => sourceId is null || Path.GetFileNameWithoutExtension(f.Path) == sourceId)
            .Select(f => f.Path)
            .ToList();
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    private static string SqlList(IEnumerable<string> files) =>
        string.Join(", ", files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'"));
}
