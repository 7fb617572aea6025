using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Lake;

/// <summary>
/// Reads a tick table of the lake (<c>bronze.ticks</c>, <c>silver.ticks</c>: symbol, ts, bid, ask, bid_volume,
/// ask_volume, partitioned by symbol and day) one partition at a time into columnar batches, so a stage's memory is
/// bounded by one symbol-day whatever the table's size. Scans prune to the partition's files.
/// </summary>
internal static class LakeTicks
{
    /// <summary>The (symbol, day) partitions holding live data files in the snapshot <paramref name="options"/> selects, sorted.</summary>
    public static IReadOnlyList<LakePartition> Partitions(IcebergTableReader table, IcebergScanOptions? options = null)
    {
        var plan = table.Plan(options);
        var partitions = new SortedSet<LakePartition>(Comparer<LakePartition>.Create((a, b) =>
        {
            var c = string.CompareOrdinal(a.Symbol, b.Symbol);
            return c != 0 ? c : a.Day.CompareTo(b.Day);
        }));
        foreach (var task in plan.DataFiles)
        {
            var symbolField = task.Spec.Fields.FirstOrDefault(f => f.Transform.Kind == IcebergTransformKind.Identity && f.Name == "symbol");
            var dayField = task.Spec.Fields.FirstOrDefault(f => f.Transform.Kind == IcebergTransformKind.Day);
            if (symbolField is null || dayField is null
                || task.File.Partition.GetValueOrDefault(symbolField.FieldId) is not string symbol
                || task.File.Partition.GetValueOrDefault(dayField.FieldId) is not DateOnly day)
            {
                throw new IcebergException(IcebergErrorKind.SchemaMismatch, "A tick table must be partitioned by identity(symbol) and day(ts).")
                {
                    File = task.File.FilePath,
                    Field = "partition",
                    Expected = "symbol, ts_day",
                    Actual = string.Join(", ", task.Spec.Fields.Select(f => $"{f.Name} ({f.Transform})")),
                };
            }
            partitions.Add(new LakePartition(symbol, day));
        }
        return [.. partitions];
    }

    /// <summary>
    /// The ticks of one partition in file order (each file is in time order; a partition written twice is read file by
    /// file), with the <c>flags</c> column when <paramref name="flags"/> is given (cleared and filled, one per tick).
    /// </summary>
    public static TickColumns Read(IcebergTableReader table, LakePartition partition, DuckDBConnection connection, List<int>? flags = null)
    {
        var start = TickTime.ToMicros(partition.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var end = start + TickTime.MicrosPerDay;
        var startTime = partition.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        IReadOnlyList<IcebergPredicate> prune =
        [
            IcebergPredicate.Equal("symbol", partition.Symbol),
            IcebergPredicate.GreaterThanOrEqual("ts", startTime),
            IcebergPredicate.LessThan("ts", startTime.AddDays(1)),
        ];
        var (view, _) = IcebergDuckDbSql.Build(table, null, [prune], connection);
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT epoch_us(ts), bid, ask, bid_volume, ask_volume{(flags is null ? "" : ", flags")} FROM ({view}) " +
            $"WHERE symbol = $symbol AND epoch_us(ts) >= {start} AND epoch_us(ts) < {end}");
        command.Parameters.Add(new DuckDBParameter("symbol", partition.Symbol));
        var ticks = new TickColumns(16_384);
        flags?.Clear();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ticks.Add(reader.GetInt64(0),
                reader.IsDBNull(1) ? double.NaN : reader.GetDouble(1),
                reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2),
                reader.IsDBNull(3) ? float.NaN : reader.GetFloat(3),
                reader.IsDBNull(4) ? float.NaN : reader.GetFloat(4));
            flags?.Add(reader.IsDBNull(5) ? 0 : reader.GetInt32(5));
        }
        return ticks;
    }
}
