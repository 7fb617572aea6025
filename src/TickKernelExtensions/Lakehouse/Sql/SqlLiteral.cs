using System.Globalization;
using System.Text.RegularExpressions;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// Evaluates the common pruning constants without asking DuckDB, where DuckDB's result is certain: a string literal
/// for a string column; an integer literal for an int, long or double column; a double literal for a double column;
/// an ISO date or timestamp string (optionally under a DATE / TIMESTAMP / TIMESTAMP WITH TIME ZONE cast) for a date or
/// timestamp column, read in UTC as the engine's session is. Anything else returns null and goes to DuckDB.
/// </summary>
internal static partial class SqlLiteral
{
    public static object? TryEvaluate(SqlPushdownCandidate c, IcebergPrimitiveType column)
    {
        if (c.LiteralType is not { } type || c.LiteralText is not { } text)
        {
            return null;
        }
        return (column.TypeId, type, c.CastType) switch
        {
            (IcebergTypeId.String, "VARCHAR", null or "VARCHAR") => text,
            (IcebergTypeId.Long, "INTEGER" or "BIGINT", null) when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
            (IcebergTypeId.Int, "INTEGER", null) when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
            (IcebergTypeId.Double, "INTEGER", null) when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => (double)i,
            (IcebergTypeId.Double, "DOUBLE", null) when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
            (IcebergTypeId.TimestampTz, "VARCHAR", null or "TIMESTAMP WITH TIME ZONE") => Micros(text, allowOffset: true),
            (IcebergTypeId.Timestamp, "VARCHAR", null or "TIMESTAMP") => Micros(text, allowOffset: false),
            (IcebergTypeId.Date, "VARCHAR", null or "DATE") when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day,
            _ => null,
        };
    }

    // yyyy-MM-dd[( |T)HH:mm:ss[.f{1,6}]][Z|±HH[:mm]]: midnight when there is no time, UTC when there is no offset.
    private static object? Micros(string text, bool allowOffset)
    {
        var m = Timestamp().Match(text);
        if (!m.Success || (!allowOffset && m.Groups["offset"].Success))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }
        var time = TimeSpan.Zero;
        if (m.Groups["time"].Success)
        {
            int h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), min = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                s = int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
            if (h > 23 || min > 59 || s > 59)
            {
                return null;
            }
            var fraction = m.Groups["f"].Success ? long.Parse(m.Groups["f"].Value.PadRight(6, '0'), CultureInfo.InvariantCulture) : 0;
            time = new TimeSpan(h, min, s) + TimeSpan.FromMicroseconds(fraction);
        }
        var offset = TimeSpan.Zero;
        if (m.Groups["offset"].Success && m.Groups["offset"].Value != "Z")
        {
            var oh = int.Parse(m.Groups["oh"].Value, CultureInfo.InvariantCulture);
            var om = m.Groups["om"].Success ? int.Parse(m.Groups["om"].Value, CultureInfo.InvariantCulture) : 0;
            if (oh > 15 || om > 59)
            {
                return null;
            }
            offset = new TimeSpan(oh, om, 0) * (m.Groups["sign"].Value == "-" ? -1 : 1);
        }
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + time;
        return (local - offset - DateTime.UnixEpoch).Ticks / 10;
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?<time>[ T](?<h>\d{2}):(?<m>\d{2}):(?<s>\d{2})(\.(?<f>\d{1,6}))?)?(?<offset>Z|(?<sign>[+-])(?<oh>\d{2})(:?(?<om>\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
