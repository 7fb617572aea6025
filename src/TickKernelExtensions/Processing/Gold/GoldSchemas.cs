using System.Globalization;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Processing.Silver;

namespace TickKernelExtensions.Processing.Gold;

/// <summary>
/// The gold tables' names and schemas. Bars: <c>gold.bars_&lt;timeframe&gt;</c> (<c>bars_1m</c>, <c>bars_15s</c>,
/// <c>bars_1d_session</c>) with symbol, open_time (the label), close_time, tick_count and the 17 <see cref="BarField"/>
/// columns in snake case. Features: <c>gold.features_&lt;set&gt;_v&lt;version&gt;</c> with symbol, open_time,
/// close_time (when the row is known) and one double per feature column (null during warm-up). Both are partitioned
/// by identity(symbol) and day(open_time).
/// </summary>
public static class GoldSchemas
{
    /// <summary>The bar table for these options.</summary>
    public static TableIdentifier BarsTable(TimeBarOptions bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        return new("gold", "bars_" + Timeframe(bars.Timeframe) + (bars.SessionTimeZone is null ? "" : "_session"));
    }

    /// <summary>The feature table for a feature set (its name with <c>-</c> as <c>_</c>, and its version).</summary>
    public static TableIdentifier FeaturesTable(FeatureSetDefinition set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var name = new string([.. set.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return new("gold", string.Create(CultureInfo.InvariantCulture, $"features_{name}_v{set.Version}"));
    }

    /// <summary>The bar table's schema.</summary>
    public static IcebergSchema BarsSchema { get; } = new(0,
    [
        new IcebergField(1, "symbol", true, IcebergPrimitiveType.String),
        new IcebergField(2, "open_time", true, IcebergPrimitiveType.TimestampTz),
        new IcebergField(3, "close_time", true, IcebergPrimitiveType.TimestampTz),
        new IcebergField(4, "tick_count", true, IcebergPrimitiveType.Int),
        .. Enum.GetValues<BarField>().Select((f, i) => new IcebergField(5 + i, SilverQuality.Snake(f.ToString()), true, IcebergPrimitiveType.Double)),
    ]);

    /// <summary>The feature table's schema for a calculator's columns.</summary>
    public static IcebergSchema FeaturesSchema(IReadOnlyList<string> columns) => new(0,
    [
        new IcebergField(1, "symbol", true, IcebergPrimitiveType.String),
        new IcebergField(2, "open_time", true, IcebergPrimitiveType.TimestampTz),
        new IcebergField(3, "close_time", true, IcebergPrimitiveType.TimestampTz),
        .. columns.Select((c, i) => new IcebergField(4 + i, c, false, IcebergPrimitiveType.Double)),
    ]);

    /// <summary>identity(symbol), day(open_time) as <c>open_time_day</c>.</summary>
    public static IcebergPartitionSpec Spec { get; } = new(0,
    [
        new IcebergPartitionField("symbol", IcebergTransform.Identity, 1, 1000),
        new IcebergPartitionField("open_time_day", IcebergTransform.Day, 2, 1001),
    ]);

    /// <summary><c>1m</c>, <c>15s</c>, <c>4h</c>, <c>1d</c>, <c>250ms</c>: the largest unit that divides the timeframe.</summary>
    public static string Timeframe(TimeSpan t) =>
        t.Ticks % TimeSpan.TicksPerDay == 0 ? $"{t.Ticks / TimeSpan.TicksPerDay}d"
        : t.Ticks % TimeSpan.TicksPerHour == 0 ? $"{t.Ticks / TimeSpan.TicksPerHour}h"
        : t.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{t.Ticks / TimeSpan.TicksPerMinute}m"
        : t.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{t.Ticks / TimeSpan.TicksPerSecond}s"
        : $"{t.Ticks / TimeSpan.TicksPerMillisecond}ms";
}
