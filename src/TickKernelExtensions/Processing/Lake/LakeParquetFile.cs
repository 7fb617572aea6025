using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Processing.Lake;

/// <summary>
/// Writes one Parquet data file for an Iceberg table from columnar batches: rows go into a DuckDB temporary table
/// through the appender (timestamps as UTC microseconds, dates as days since the epoch), then DuckDB copies them to
/// Parquet with the schema's field ids (ZSTD), under a temporary name that is renamed into place when complete.
/// One instance per connection; not thread safe.
/// </summary>
internal sealed class LakeParquetFile
{
    /// <summary><see cref="DateOnly.DayNumber"/> of 1970-01-01: a date's day count since the epoch is its DayNumber minus this.</summary>
    public static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private readonly DuckDBConnection _connection;

    public LakeParquetFile(DuckDBConnection connection) => _connection = connection;

    /// <summary>
    /// Writes <paramref name="rows"/> rows of <paramref name="schema"/> to <paramref name="path"/>; <paramref name="fill"/>
    /// appends row <c>i</c>'s values in schema order (timestamps as <c>long</c> µs, dates as <c>int</c> days).
    /// </summary>
    public void Write(string path, IcebergSchema schema, int rows, Action<DuckDBAppender, int> fill)
    {
        var table = "lake_rows_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE TEMPORARY TABLE {table} ({string.Join(", ", schema.Fields.Select(f => $"{IcebergParquetFileReader.Quote(f.Name)} {StagingType(f)}"))})");
        try
        {
            using (var appender = _connection.CreateAppender(table))
            {
                for (var i = 0; i < rows; i++)
                {
                    fill(appender, i);
                }
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                Execute($"COPY (SELECT {string.Join(", ", schema.Fields.Select(Select))} FROM {table}) TO {IcebergParquetFileReader.Literal(temp)} " +
                    $"(FORMAT PARQUET, COMPRESSION ZSTD, FIELD_IDS {{{string.Join(", ", schema.Fields.Select(f => IcebergParquetFileReader.Quote(f.Name) + ": " + f.Id.ToString(CultureInfo.InvariantCulture)))}}})");
                File.Move(temp, path, overwrite: false);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        finally
        {
            Execute($"DROP TABLE IF EXISTS {table}");
        }
    }

    private static string StagingType(IcebergField f) => f.Type is IcebergPrimitiveType p ? p.TypeId switch
    {
        IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz or IcebergTypeId.Long => "BIGINT",
        IcebergTypeId.Date or IcebergTypeId.Int => "INTEGER",
        _ => IcebergDuckDbSql.DuckDbType(p),
    } : throw new ArgumentException($"Column {f.Name}: nested types are not written here.");

    private static string Select(IcebergField f)
    {
        var name = IcebergParquetFileReader.Quote(f.Name);
        var value = ((IcebergPrimitiveType)f.Type).TypeId switch
        {
            IcebergTypeId.TimestampTz => $"make_timestamp({name})::TIMESTAMPTZ",
            IcebergTypeId.Timestamp => $"make_timestamp({name})",
            IcebergTypeId.Date => $"(DATE '1970-01-01' + {name})",
            _ => name,
        };
        return value + " AS " + name;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Opens a DuckDB connection whose session time zone is UTC (timestamps are converted as UTC).</summary>
    public static DuckDBConnection OpenConnection()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SET TimeZone = 'UTC'";
        command.ExecuteNonQuery();
        return connection;
    }
}
