using System.Globalization;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Hand-written parsing of numbers in UTF-8 CSV fields, the hot path of the CSV readers.
/// A field starts at a given index and ends at a delimiter or at the end of the line; the parsers
/// return the index of that end. Decimals take a fast path (an integer mantissa and a power-of-ten
/// scale) that is correctly rounded, so the results equal <see cref="double.Parse(string)"/> and
/// <see cref="float.Parse(string)"/> bit for bit; anything else (exponents, a leading '+', very long
/// digit strings) falls back to the framework parser on the field's bytes. NaN, infinities, empty
/// fields and garbage are refused.
/// </summary>
internal static class Utf8Number
{
    /// <summary>The number syntax accepted, on both paths: optional '-', digits, optional '.', optional exponent.</summary>
    public const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    // Every power of ten up to 1e22 is exact in a double (5^22 < 2^53); a mantissa below 2^53 is exact
    // too, so mantissa / 10^k is one correctly rounded IEEE division (Clinger's fast path).
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    // The same argument for float: 10^k is exact up to 1e10 (5^10 < 2^24).
    private static readonly float[] Pow10Single = [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    private const ulong DoubleExactMantissa = 1UL << 53;
    private const ulong SingleExactMantissa = 1UL << 24;

    // 19 decimal digits always fit a ulong; more take the slow path.
    private const int MaxFastDigits = 19;

    /// <summary>Parses a finite double; <paramref name="end"/> is the index of the delimiter or the line's length.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> line, int start, byte delimiter, out double value, out int end)
    {
        if (ScanDecimal(line, start, delimiter, out var negative, out var mantissa, out var scale, out end)
            && mantissa <= DoubleExactMantissa && scale <= 22)
        {
            // mantissa and 10^scale are exact doubles, so one IEEE division rounds correctly.
            var v = (double)mantissa;
            if (scale != 0)
            {
                v /= Pow10[scale];
            }
            value = negative ? -v : v;
            return true;
        }
        return TryParseDoubleSlow(line, start, delimiter, out value, out end);
    }

    /// <summary>Parses a finite float; <paramref name="end"/> is the index of the delimiter or the line's length.</summary>
    public static bool TryParseSingle(ReadOnlySpan<byte> line, int start, byte delimiter, out float value, out int end)
    {
        if (ScanDecimal(line, start, delimiter, out var negative, out var mantissa, out var scale, out end)
            && mantissa <= SingleExactMantissa && scale <= 10)
        {
            var v = (float)mantissa;
            if (scale != 0)
            {
                v /= Pow10Single[scale];
            }
            value = negative ? -v : v;
            return true;
        }
        return TryParseSingleSlow(line, start, delimiter, out value, out end);
    }

    // The fast path's shape: [-]digits[.digits] up to the delimiter, at most 19 digits in all. False sends
    // the caller to the slow path, which also produces the precise error.
    private static bool ScanDecimal(
        ReadOnlySpan<byte> line, int start, byte delimiter, out bool negative, out ulong mantissa, out int scale, out int end)
    {
        var i = start;
        negative = (uint)i < (uint)line.Length && line[i] == (byte)'-';
        if (negative)
        {
            i++;
        }
        mantissa = 0;
        var digitsStart = i;
        uint d;
        while ((uint)i < (uint)line.Length && (d = (uint)(line[i] - '0')) <= 9)
        {
            mantissa = (mantissa * 10) + d;
            i++;
        }
        var digits = i - digitsStart;
        scale = 0;
        if ((uint)i < (uint)line.Length && line[i] == (byte)'.')
        {
            i++;
            var fractionStart = i;
            while ((uint)i < (uint)line.Length && (d = (uint)(line[i] - '0')) <= 9)
            {
                mantissa = (mantissa * 10) + d;
                i++;
            }
            scale = i - fractionStart;
            digits += scale;
        }
        end = i;
        return digits is > 0 and <= MaxFastDigits && ((uint)i >= (uint)line.Length || line[i] == delimiter);
    }

    /// <summary>Parses 1 to 18 digits (no sign); <paramref name="end"/> is the index of the delimiter or the line's length.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> line, int start, byte delimiter, out long value, out int end)
    {
        var i = start;
        long v = 0;
        uint d;
        while ((uint)i < (uint)line.Length && (d = (uint)(line[i] - '0')) <= 9)
        {
            v = (v * 10) + d;
            i++;
        }
        value = v;
        end = i;
        return i - start is > 0 and <= 18 && ((uint)i >= (uint)line.Length || line[i] == delimiter);
    }

    /// <summary>The end of the field starting at <paramref name="start"/>: the next delimiter or the line's length.</summary>
    public static int FieldEnd(ReadOnlySpan<byte> line, int start, byte delimiter)
    {
        if (start >= line.Length)
        {
            return line.Length;
        }
        var at = line[start..].IndexOf(delimiter);
        return at < 0 ? line.Length : start + at;
    }

    private static bool TryParseDoubleSlow(ReadOnlySpan<byte> line, int start, byte delimiter, out double value, out int end)
    {
        end = FieldEnd(line, start, delimiter);
        if (start > line.Length)
        {
            value = 0;
            return false;
        }
        return double.TryParse(line[start..end], Styles, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static bool TryParseSingleSlow(ReadOnlySpan<byte> line, int start, byte delimiter, out float value, out int end)
    {
        end = FieldEnd(line, start, delimiter);
        if (start > line.Length)
        {
            value = 0;
            return false;
        }
        return float.TryParse(line[start..end], Styles, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);
    }
}
