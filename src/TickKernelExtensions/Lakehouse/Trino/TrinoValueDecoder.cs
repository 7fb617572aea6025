using System.Globalization;
using System.Text.Json;

namespace TickKernelExtensions.Lakehouse.Trino;

/// <summary>
/// Turns the JSON values of Trino's <c>data</c> arrays into CLR values by column type (the encodings of
/// Trino's client protocol: decimals as strings, varbinary as base64, NaN and infinities as strings, dates and
/// timestamps as text with up to 12 fractional digits, kept here to the 100 ns of .NET).
/// </summary>
internal static class TrinoValueDecoder
{
    public static object? Decode(JsonElement value, TrinoType type)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return type.Name switch
        {
            "boolean" => value.GetBoolean(),
            "tinyint" => value.GetSByte(),
            "smallint" => value.GetInt16(),
            "integer" => value.GetInt32(),
            "bigint" => value.GetInt64(),
            "real" => value.ValueKind == JsonValueKind.String ? float.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetSingle(),
            "double" => value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble(),
            "decimal" => value.ValueKind == JsonValueKind.String
                ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                : value.GetDecimal(),
            "varbinary" => value.GetBytesFromBase64(),
            "date" => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time" when !type.WithTimeZone => TimeOnly.FromTimeSpan(TimeOfDay(value.GetString()!)),
            "timestamp" => type.WithTimeZone ? TimestampWithZone(value.GetString()!) : (object)Timestamp(value.GetString()!),
            "uuid" => Guid.Parse(value.GetString()!),
            "array" => value.EnumerateArray().Select(v => Decode(v, type.Arguments[0])).ToArray(),
            "map" => value.EnumerateObject().ToDictionary(p => p.Name, p => Decode(p.Value, type.Arguments[1]), StringComparer.Ordinal),
            "row" => value.EnumerateArray().Select((v, i) => Decode(v, type.Arguments[i])).ToArray(),
            _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
        };
    }

    private static DateTime Timestamp(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var date = DateOnly.ParseExact(text[..space], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) + TimeOfDay(text[(space + 1)..]), DateTimeKind.Unspecified);
    }

    private static DateTimeOffset TimestampWithZone(string text)
    {
        var zoneAt = text.LastIndexOf(' ');
        var local = Timestamp(text[..zoneAt]);
        var zone = text[(zoneAt + 1)..];
        if (zone is "UTC" or "Z")
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }
        if (zone[0] is '+' or '-')
        {
            var offset = TimeSpan.ParseExact(zone[1..], @"hh\:mm", CultureInfo.InvariantCulture);
            return new DateTimeOffset(local, zone[0] == '-' ? -offset : offset);
        }
        var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
        return new DateTimeOffset(local, info.GetUtcOffset(local));
    }

    // HH:mm:ss with up to 12 fractional digits; .NET keeps 7 (100 ns), the rest is dropped.
    private static TimeSpan TimeOfDay(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = TimeSpan.ParseExact(dot < 0 ? text : text[..dot], @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        if (dot < 0)
        {
            return whole;
        }
        var digits = text[(dot + 1)..];
        var ticks = long.Parse(digits.Length >= 7 ? digits[..7] : digits.PadRight(7, '0'), CultureInfo.InvariantCulture);
        return whole + TimeSpan.FromTicks(ticks);
    }
}
