using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Ingest.Csv;

namespace Ingest.Bench;

/// <summary>
/// The anchor of the CSV benchmark: DuckDB (through DuckDB.NET, in process, in-memory database) turning the
/// same CSV into the same typed, Hive-partitioned Parquet with one <c>COPY (SELECT …) TO … (FORMAT parquet,
/// PARTITION_BY (symbol, date), COMPRESSION snappy)</c> under <c>SET threads = N</c>. The CSV columns are
/// declared (no sniffing), and the volumes read straight as FLOAT, so DuckDB does no work ours skips.
/// Also the independent reader that checks both outputs hold the same ticks. Not thread safe.
/// </summary>
internal sealed class CsvDuckDbAnchor : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public CsvDuckDbAnchor() => _connection.Open();

    /// <summary>The DuckDB library version.</summary>
    public string Version => Scalar("SELECT version()")?.ToString() ?? "?";

    /// <summary>Writes <paramref name="csv"/> as Parquet partitions under <paramref name="outDir"/> (which must not exist yet).</summary>
    public void Copy(string csv, CsvTickFormat format, string outDir, int threads)
    {
        Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));
        Execute(CopySql(csv, format, outDir));
    }

    /// <summary>The statement timed, as printed in the README.</summary>
    public static string CopySql(string csv, CsvTickFormat format, string outDir)
    {
        var select = format switch
        {
            CsvTickFormat.DukascopyNode =>
                "SELECT 'EURUSD' AS symbol, make_timestamp(timestamp * 1000) AS ts, bidPrice AS bid, askPrice AS ask, " +
                "bidVolume AS bid_volume, askVolume AS ask_volume, CAST(make_timestamp(timestamp * 1000) AS DATE) AS date " +
                $"FROM read_csv({Literal(csv)}, header = true, delim = ',', columns = {{'timestamp': 'BIGINT', " +
                "'askPrice': 'DOUBLE', 'bidPrice': 'DOUBLE', 'askVolume': 'FLOAT', 'bidVolume': 'FLOAT'})",
            CsvTickFormat.Dukascopy =>
                "SELECT 'EURUSD' AS symbol, \"Gmt time\" AS ts, Bid AS bid, Ask AS ask, " +
                "BidVolume AS bid_volume, AskVolume AS ask_volume, CAST(\"Gmt time\" AS DATE) AS date " +
                $"FROM read_csv({Literal(csv)}, header = true, delim = ',', timestampformat = '%d.%m.%Y %H:%M:%S.%g', " +
                "columns = {'Gmt time': 'TIMESTAMP', 'Ask': 'DOUBLE', 'Bid': 'DOUBLE', 'AskVolume': 'FLOAT', 'BidVolume': 'FLOAT'})",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The benchmark writes dukascopy-node and Dukascopy CSV only."),
        };
        return $"COPY ({select}) TO {Literal(outDir)} (FORMAT parquet, PARTITION_BY (symbol, date), COMPRESSION snappy)";
    }

    /// <summary>
    /// What DuckDB reads back from the Parquet files under <paramref name="outDir"/> (Hive partitions, any file
    /// name): rows, exact sums of prices in points and volumes in hundredths, the time range and the partitions.
    /// </summary>
    public DatasetDigest Digest(string outDir)
    {
        var glob = Path.Combine(outDir, "*", "*", "*.parquet");
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT count(*), sum(round(bid * 100000)::BIGINT)::BIGINT, sum(round(ask * 100000)::BIGINT)::BIGINT, " +
            "sum(round(bid_volume * 100)::BIGINT)::BIGINT, sum(round(ask_volume * 100)::BIGINT)::BIGINT, min(epoch_us(ts)), max(epoch_us(ts)), " +
            "count(DISTINCT (symbol, date)), sum(bid), sum(ask) " +
            $"FROM read_parquet({Literal(glob)}, hive_partitioning = true)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new DatasetDigest(
            reader.GetInt64(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetDouble(8), reader.GetDouble(9));
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
