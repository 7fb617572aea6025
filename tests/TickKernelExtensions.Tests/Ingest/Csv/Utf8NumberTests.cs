using System.Globalization;
using System.Text;
using TickKernelExtensions.Ingest.Csv;

namespace TickKernelExtensions.Tests.Ingest.Csv;

/// <summary>The hand-written number parsers agree with the framework's bit for bit, and refuse what it would not parse.</summary>
public sealed class Utf8NumberTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public void TryParseDouble_RandomDecimals_EqualDoubleParseBitForBit()
    {
        var rng = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var text = RandomDecimal(rng);
            AssertDouble(text);
        }
    }

    [Theory]
    [InlineData("1.13729")]
    [InlineData("1.1370200000000001")]
    [InlineData("9007199254740993")]
    [InlineData("0.1")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("0.0000000000000000000000001")]
    [InlineData("1e-06")]
    [InlineData("1.3E-06")]
    [InlineData("+1.5")]
    [InlineData("-0")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("2147483647")]
    [InlineData("4503599627370497.5")]
    [InlineData("0.30000000000000004")]
    public void TryParseDouble_EdgeCases_EqualDoubleParse(string text) => AssertDouble(text);

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("1,5x")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("0x10")]
    public void TryParseDouble_NotAFiniteNumber_Refused(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var ok = Utf8Number.TryParseDouble(bytes, 0, (byte)';', out _, out _);
        Assert.False(ok, text);
    }

    [Fact]
    public void TryParseDouble_FieldEndsAtDelimiter_ReturnsItsIndex()
    {
        var line = "1.5,2.25,x"u8;

        Assert.True(Utf8Number.TryParseDouble(line, 0, (byte)',', out var a, out var end));
        Assert.Equal(3, end);
        Assert.True(Utf8Number.TryParseDouble(line, end + 1, (byte)',', out var b, out end));
        Assert.Equal(8, end);
        Assert.Equal((1.5, 2.25), (a, b));
        Assert.False(Utf8Number.TryParseDouble(line, end + 1, (byte)',', out _, out _));
        Assert.False(Utf8Number.TryParseDouble(line, line.Length + 1, (byte)',', out _, out _));
    }

    [Fact]
    public void TryParseSingle_RandomDecimals_EqualFloatParseBitForBit()
    {
        var rng = new Random(12);
        for (var i = 0; i < 200_000; i++)
        {
            var text = RandomDecimal(rng);
            var bytes = Encoding.UTF8.GetBytes(text);
            Assert.True(Utf8Number.TryParseSingle(bytes, 0, (byte)',', out var value, out var end), text);
            Assert.Equal(bytes.Length, end);
            Assert.True(float.Parse(text, Invariant).Equals(value), $"{text}: {value:R} vs {float.Parse(text, Invariant):R}");
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1676894400084")]
    [InlineData("999999999999999999")]
    public void TryParseInt64_Digits_Parsed(string text)
    {
        Assert.True(Utf8Number.TryParseInt64(Encoding.UTF8.GetBytes(text), 0, (byte)',', out var value, out _));
        Assert.Equal(long.Parse(text, Invariant), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("1000000000000000000")]
    public void TryParseInt64_NotPlainDigits_Refused(string text) =>
        Assert.False(Utf8Number.TryParseInt64(Encoding.UTF8.GetBytes(text), 0, (byte)',', out _, out _));

    private static void AssertDouble(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(Utf8Number.TryParseDouble(bytes, 0, (byte)',', out var value, out var end), text);
        Assert.Equal(bytes.Length, end);
        var expected = double.Parse(text, Utf8Number.Styles, Invariant);
        Assert.True(expected.Equals(value), $"{text}: {value:R} vs {expected:R}");
    }

    // Decimals of every shape the fast path meets and some it must hand on: 1-20 digits, 0-24 of them after the point.
    private static string RandomDecimal(Random rng)
    {
        var digits = rng.Next(1, 21);
        var b = new StringBuilder();
        if (rng.Next(10) == 0)
        {
            b.Append('-');
        }
        for (var k = 0; k < digits; k++)
        {
            b.Append((char)('0' + rng.Next(10)));
        }
        var point = rng.Next(0, Math.Min(digits, 24) + 1);
        if (point > 0 && rng.Next(4) != 0)
        {
            b.Insert(b.Length - point, '.');
            if (b[b.Length - 1] == '.')
            {
                b.Append('0');
            }
        }
        var s = b.ToString();
        return s.StartsWith('.') || s.StartsWith("-.", StringComparison.Ordinal) ? s.Replace(".", "0.", StringComparison.Ordinal) : s;
    }
}
