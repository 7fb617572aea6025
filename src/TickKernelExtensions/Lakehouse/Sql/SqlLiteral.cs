using System.Globalization;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// Evaluates the common pruning constants without asking DuckDB, where DuckDB's result is certain: a string literal
/// for a string column; an integer literal for an int, long or double column; a double literal for a double column;
/// an ISO date or timestamp string (optionally under a DATE / TIMESTAMP / TIMESTAMP WITH TIME ZONE cast) for a date or
/// timestamp column, read in UTC as the engine's session is. Anything else returns null and goes to DuckDB.
/// </summary>
internal static class SqlLiteral
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
    // Read position by position (a regex and DateOnly.TryParseExact cost more than the rest of a query's pruning).
    private static object? Micros(string text, bool allowOffset)
    {
        var s = text.AsSpan();
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        var i = 10;
        long timeMicros = 0;
        if (i < s.Length && s[i] is ' ' or 'T')
        {
            if (s.Length < i + 9 || s[i + 3] != ':' || s[i + 6] != ':'
                || !Digits(s.Slice(i + 1, 2), out var h) || !Digits(s.Slice(i + 4, 2), out var min) || !Digits(s.Slice(i + 7, 2), out var sec)
                || h > 23 || min > 59 || sec > 59)
            {
                return null;
            }
            timeMicros = ((h * 3600L) + (min * 60L) + sec) * 1_000_000;
            i += 9;
            if (i < s.Length && s[i] == '.')
            {
                var digits = 0;
                long fraction = 0;
                for (i++; i < s.Length && char.IsAsciiDigit(s[i]); i++, digits++)
                {
                    if (digits == 6)
                    {
                        return null; // more than microseconds: DuckDB's rounding decides
                    }
                    fraction = (fraction * 10) + (s[i] - '0');
                }
                if (digits == 0)
                {
                    return null;
                }
                for (var d = digits; d < 6; d++)
                {
                    fraction *= 10;
                }
                timeMicros += fraction;
            }
        }
        long offsetMicros = 0;
        if (i < s.Length)
        {
            if (!allowOffset)
            {
                return null;
            }
            if (s[i] == 'Z' && i + 1 == s.Length)
            {
                i++;
            }
            else if (s[i] is '+' or '-' && s.Length >= i + 3 && Digits(s.Slice(i + 1, 2), out var oh))
            {
                var sign = s[i] == '-' ? -1 : 1;
                var om = 0;
                var rest = s[(i + 3)..];
                if (rest.Length > 0 && !(rest.Length == 2 && Digits(rest, out om)) && !(rest.Length == 3 && rest[0] == ':' && Digits(rest[1..], out om)))
                {
                    return null;
                }
                if (oh > 15 || om > 59)
                {
                    return null;
                }
                offsetMicros = sign * ((oh * 3600L) + (om * 60L)) * 1_000_000;
                i = s.Length;
            }
            else
            {
                return null;
            }
        }
        var days = new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        return (days * 86_400_000_000L) + timeMicros - offsetMicros;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
