using System.Collections;
using System.Globalization;
using System.Numerics;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// Turns what DuckDB.NET hands back into the CLR values of <see cref="QueryResult"/>, so results look the same as
/// the Trino client's: dates as <see cref="DateOnly"/>, times as <see cref="TimeOnly"/>, timestamps as UTC
/// <see cref="DateTime"/>, zoned timestamps as <see cref="DateTimeOffset"/> (UTC), blobs as <c>byte[]</c>, lists as
/// <c>object?[]</c>, structs and maps as <c>Dictionary&lt;string, object?&gt;</c>. DuckDB widens <c>sum(bigint)</c> to
/// HUGEINT; such a value comes back as <c>long</c> when it fits (as Trino's <c>sum</c> gives bigint), else as
/// <c>decimal</c>, else as <see cref="BigInteger"/>.
/// </summary>
internal static class DuckDbValues
{
    public static object? Convert(object? value, string typeName)
    {
        var type = typeName.ToUpperInvariant();
        return value switch
        {
            null or DBNull => null,
            DateTime d when type == "DATE" => DateOnly.FromDateTime(d),
            DateTime d when type.StartsWith("TIMESTAMP WITH TIME ZONE", StringComparison.Ordinal) || type == "TIMESTAMPTZ" =>
                new DateTimeOffset(Utc(d), TimeSpan.Zero),
            DateTime d => Utc(d),
            DateTimeOffset o => o.ToUniversalTime(),
            TimeSpan t when type.StartsWith("TIME", StringComparison.Ordinal) => TimeOnly.FromTimeSpan(t),
            Stream s => Bytes(s),
            BigInteger big when big >= long.MinValue && big <= long.MaxValue => (long)big,
            BigInteger big when big >= (BigInteger)decimal.MinValue && big <= (BigInteger)decimal.MaxValue => (decimal)big,
            string or byte[] or bool or decimal or Guid or BigInteger => value,
            IDictionary map => Map(map),
            IList list => list.Cast<object?>().Select(v => Convert(v, "")).ToArray(),
            _ when value.GetType().FullName is { } name && name.StartsWith("DuckDB.NET.Native.DuckDBDateOnly", StringComparison.Ordinal) =>
                DateOnly.Parse(value.ToString()!, CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    private static DateTime Utc(DateTime d) => d.Kind switch
    {
        DateTimeKind.Utc => d,
        DateTimeKind.Local => d.ToUniversalTime(),
        _ => DateTime.SpecifyKind(d, DateTimeKind.Utc),
    };

    private static byte[] Bytes(Stream s)
    {
        using (s)
        {
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        }
    }

    private static Dictionary<string, object?> Map(IDictionary map)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in map)
        {
            result[System.Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? ""] = Convert(e.Value, "");
        }
        return result;
    }
}
