using System.Text.Json;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Processing.Lake;

namespace TickKernelExtensions.Processing.Silver;

/// <summary>
/// The table <c>silver.quality</c>: one row per (symbol, day) cleaned, with the counts of <see cref="TickQualityReport"/>
/// (input, kept, flagged, dropped by reason, flagged by flag, gaps), partitioned like the ticks so a re-run replaces
/// exactly the days it cleaned. Reasons and flags are columns named after their enum members in snake case.
/// </summary>
public static class SilverQuality
{
    /// <summary>The table: <c>silver.quality</c>.</summary>
    public static TableIdentifier Table { get; } = new("silver", "quality");

    private static readonly TickDropReason[] Reasons = Enum.GetValues<TickDropReason>();
    private static readonly TickFlags[] Flags = [.. Enum.GetValues<TickFlags>().Where(f => f != TickFlags.None)];

    /// <summary>The schema: symbol, day, counts, gaps, first and last tick.</summary>
    public static IcebergSchema Schema { get; } = BuildSchema();

    /// <summary>identity(symbol), day(day) as <c>day_day</c>.</summary>
    public static IcebergPartitionSpec Spec { get; } = new(0,
    [
        new IcebergPartitionField("symbol", IcebergTransform.Identity, 1, 1000),
        new IcebergPartitionField("day_day", IcebergTransform.Day, 2, 1001),
    ]);

    private static IcebergSchema BuildSchema()
    {
        var fields = new List<IcebergField>
        {
            new(1, "symbol", true, IcebergPrimitiveType.String),
            new(2, "day", true, IcebergPrimitiveType.Date),
            new(3, "input_ticks", true, IcebergPrimitiveType.Long),
            new(4, "kept_ticks", true, IcebergPrimitiveType.Long),
            new(5, "flagged_ticks", true, IcebergPrimitiveType.Long),
            new(6, "dropped_ticks", true, IcebergPrimitiveType.Long),
            new(7, "missing_gaps", true, IcebergPrimitiveType.Int),
            new(8, "expected_gaps", true, IcebergPrimitiveType.Int),
            new(9, "missing_seconds", true, IcebergPrimitiveType.Double),
            new(10, "first_tick", false, IcebergPrimitiveType.TimestampTz),
            new(11, "last_tick", false, IcebergPrimitiveType.TimestampTz),
        };
        var id = 20;
        fields.AddRange(Reasons.Select(r => new IcebergField(id++, "dropped_" + Snake(r.ToString()), true, IcebergPrimitiveType.Long)));
        id = 40;
        fields.AddRange(Flags.Select(f => new IcebergField(id++, "flagged_" + Snake(f.ToString()), true, IcebergPrimitiveType.Long)));
        return new IcebergSchema(0, fields);
    }

    /// <summary>Writes one report as a one-row data file.</summary>
    internal static void Write(LakeParquetFile writer, string path, TickQualityReport r)
    {
        writer.Write(path, Schema, 1, (a, _) =>
        {
            var row = a.CreateRow()
                .AppendValue(r.Symbol)
                .AppendValue(r.Day.DayNumber - LakeParquetFile.EpochDayNumber)
                .AppendValue(r.InputTicks)
                .AppendValue(r.KeptTicks)
                .AppendValue(r.FlaggedTicks)
                .AppendValue(r.DroppedTicks)
                .AppendValue(r.MissingGaps)
                .AppendValue(r.ExpectedGaps)
                .AppendValue(r.MissingSeconds);
            row = r.FirstTickMicros is { } first ? row.AppendValue(first) : row.AppendNullValue();
            row = r.LastTickMicros is { } last ? row.AppendValue(last) : row.AppendNullValue();
            foreach (var reason in Reasons)
            {
                row = row.AppendValue(r.Dropped(reason));
            }
            foreach (var flag in Flags)
            {
                row = row.AppendValue(r.Flagged(flag));
            }
            row.EndRow();
        });
    }

    /// <summary>A member name as a column name, in snake case (<c>CrossedQuote</c> → <c>crossed_quote</c>).</summary>
    internal static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
