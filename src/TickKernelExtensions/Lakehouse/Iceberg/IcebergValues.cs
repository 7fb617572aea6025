using System.Globalization;
using System.Numerics;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// The reader's value representation per Iceberg type: boolean → bool, int → int, long → long, float → float,
/// double → double, decimal → decimal, date → <see cref="DateOnly"/>, time → <see cref="TimeOnly"/>,
/// timestamp and timestamptz → <see cref="DateTime"/> (UTC kind, microsecond precision), string → string,
/// uuid → <see cref="Guid"/>, fixed and binary → byte[]. Null is null.
/// </summary>
public static class IcebergValues
{
    private static readonly DateOnly Epoch = new(1970, 1, 1);

    /// <summary>Converts a compatible CLR value (e.g. an int for a long column, a DateTime for a date) to the representation above.</summary>
    public static object Normalize(IcebergPrimitiveType type, object value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        if (IsNormal(type.TypeId, value))
        {
            return value;
        }
        try
        {
            return type.TypeId switch
            {
                IcebergTypeId.Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
                IcebergTypeId.Int => Convert.ToInt32(value, CultureInfo.InvariantCulture),
                IcebergTypeId.Long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                IcebergTypeId.Float => Convert.ToSingle(value, CultureInfo.InvariantCulture),
                IcebergTypeId.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                IcebergTypeId.Decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                IcebergTypeId.Date => value switch
                {
                    DateOnly d => d,
                    DateTime dt => DateOnly.FromDateTime(dt),
                    int days => Epoch.AddDays(days),
                    string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => throw Mismatch(type, value),
                },
                IcebergTypeId.Time => value switch
                {
                    TimeOnly t => t,
                    TimeSpan span => TimeOnly.FromTimeSpan(span),
                    long micros => new TimeOnly(micros * 10),
                    _ => throw Mismatch(type, value),
                },
                IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz => value switch
                {
                    DateTime dt => dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
                    DateTimeOffset o => o.UtcDateTime,
                    long micros => DateTime.UnixEpoch.AddTicks(micros * 10),
                    _ => throw Mismatch(type, value),
                },
                IcebergTypeId.String => value as string ?? throw Mismatch(type, value),
                IcebergTypeId.Uuid => value switch
                {
                    Guid g => g,
                    string s => Guid.Parse(s),
                    byte[] b when b.Length == 16 => new Guid(b, bigEndian: true),
                    _ => throw Mismatch(type, value),
                },
                IcebergTypeId.Fixed or IcebergTypeId.Binary => value as byte[] ?? throw Mismatch(type, value),
                _ => throw Mismatch(type, value),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw Mismatch(type, value);
        }
    }

    /// <summary>True when <paramref name="value"/> already has the representation of <paramref name="id"/> (the hot path of every read).</summary>
    private static bool IsNormal(IcebergTypeId id, object value) => (id, value) switch
    {
        (IcebergTypeId.Boolean, bool) or (IcebergTypeId.Int, int) or (IcebergTypeId.Long, long) or (IcebergTypeId.Float, float)
            or (IcebergTypeId.Double, double) or (IcebergTypeId.Decimal, decimal) or (IcebergTypeId.Date, DateOnly)
            or (IcebergTypeId.Time, TimeOnly) or (IcebergTypeId.String, string) or (IcebergTypeId.Uuid, Guid)
            or (IcebergTypeId.Fixed or IcebergTypeId.Binary, byte[]) => true,
        (IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz, DateTime dt) => dt.Kind == DateTimeKind.Utc,
        _ => false,
    };

    /// <summary>The integer form of int, long, date (days), time and timestamps (microseconds since the epoch).</summary>
    public static long ToOrdinal(IcebergPrimitiveType type, object value)
    {
        value = Normalize(type, value);
        return value switch
        {
            int i => i,
            long l => l,
            DateOnly d => d.DayNumber - Epoch.DayNumber,
            TimeOnly t => t.Ticks / 10,
            DateTime dt => (dt.Ticks - DateTime.UnixEpoch.Ticks) / 10,
            _ => throw Mismatch(type, value),
        };
    }

    /// <summary>The inverse of <see cref="ToOrdinal"/>.</summary>
    public static object FromOrdinal(IcebergPrimitiveType type, long ordinal) => type.TypeId switch
    {
        IcebergTypeId.Int => checked((int)ordinal),
        IcebergTypeId.Long => ordinal,
        IcebergTypeId.Date => Epoch.AddDays(checked((int)ordinal)),
        IcebergTypeId.Time => new TimeOnly(ordinal * 10),
        IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz => new DateTime(DateTime.UnixEpoch.Ticks + (ordinal * 10), DateTimeKind.Utc),
        _ => throw Mismatch(type, ordinal),
    };

    /// <summary>Orders two non-null values of <paramref name="type"/> (strings by UTF-8 bytes, i.e. ordinal code points, as Iceberg does).</summary>
    public static int Compare(IcebergPrimitiveType type, object a, object b)
    {
        a = Normalize(type, a);
        b = Normalize(type, b);
        return (a, b) switch
        {
            (string x, string y) => CompareUtf8(x, y),
            (byte[] x, byte[] y) => x.AsSpan().SequenceCompareTo(y),
            (Guid x, Guid y) => x.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(y.ToByteArray(bigEndian: true)),
            (IComparable x, _) => x.CompareTo(b),
            _ => throw Mismatch(type, a),
        };
    }

    /// <summary>The unscaled integer of a decimal at <paramref name="scale"/>.</summary>
    public static BigInteger UnscaledDecimal(decimal value, int scale)
    {
        var scaled = decimal.Round(value, scale, MidpointRounding.ToEven);
        return new BigInteger(scaled * Pow10(scale));
    }

    /// <summary>A decimal from its unscaled integer and scale.</summary>
    public static decimal ScaleDecimal(BigInteger unscaled, int scale) => (decimal)unscaled / Pow10(scale);

    private static decimal Pow10(int scale)
    {
        var p = 1m;
        for (var i = 0; i < scale; i++)
        {
            p *= 10;
        }
        return p;
    }

    private static int CompareUtf8(string x, string y)
    {
        // Ordinal UTF-16 order differs from code-point order only around surrogates; compare runes.
        var ex = x.EnumerateRunes();
        var ey = y.EnumerateRunes();
        while (true)
        {
            var hx = ex.MoveNext();
            var hy = ey.MoveNext();
            if (!hx || !hy)
            {
                return hx.CompareTo(hy);
            }
            var c = ex.Current.Value.CompareTo(ey.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }

    private static IcebergException Mismatch(IcebergPrimitiveType type, object value) =>
        new(IcebergErrorKind.SchemaMismatch, "A value does not fit its Iceberg type.")
        {
            Expected = type.ToString(),
            Actual = Convert.ToString(value, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")",
        };
}
