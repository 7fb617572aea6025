using System.Text.Json;
using TickKernelExtensions.Lakehouse.Trino;

namespace TickKernelExtensions.Tests.Lakehouse.Trino;

/// <summary>
/// Value encodings of Trino's client protocol (as Trino's own Python client decodes them from a real server's
/// answer to a SELECT of every type) turned into CLR values.
/// </summary>
public sealed class TrinoValueDecoderTests
{
    [Theory]
    [InlineData("boolean", "false", false)]
    [InlineData("tinyint", "-128", (sbyte)-128)]
    [InlineData("smallint", "32767", (short)32767)]
    [InlineData("integer", "-2147483648", int.MinValue)]
    [InlineData("bigint", "9223372036854775807", long.MaxValue)]
    [InlineData("real", "3.4028235E38", 3.4028235E38f)]
    [InlineData("real", "\"Infinity\"", float.PositiveInfinity)]
    [InlineData("double", "\"-Infinity\"", double.NegativeInfinity)]
    [InlineData("double", "4.9E-324", 4.9E-324)]
    [InlineData("varchar(16)", "\"Hello winter ☃ !\"", "Hello winter ☃ !")]
    [InlineData("char(1)", "\"d\"", "d")]
    [InlineData("json", "\"{}\"", "{}")]
    [InlineData("interval year to month", "\"0-3\"", "0-3")]
    [InlineData("ipaddress", "\"2001:db8::1\"", "2001:db8::1")]
    [InlineData("varchar", "null", null)]
    public void Decode_Scalars_AsTheirClrType(string type, string json, object? expected)
    {
        var value = Decode(type, json);

        Assert.Equal(expected, value);
        Assert.Equal(expected?.GetType(), value?.GetType());
    }

    [Fact]
    public void Decode_NaN_IsNaN() => Assert.True(double.IsNaN((double)Decode("double", "\"NaN\"")!));

    [Theory]
    [InlineData("decimal(3, 1)", "\"10.3\"", "10.3")]
    [InlineData("decimal(18, 18)", "\"0.123456789123456789\"", "0.123456789123456789")]
    [InlineData("decimal(38, 0)", "\"10\"", "10")]
    [InlineData("decimal(10, 2)", "\"-99999999.99\"", "-99999999.99")]
    public void Decode_Decimal_ExactFromText(string type, string json, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Decode(type, json));

    [Fact]
    public void Decode_DatesTimesTimestamps_ToTheHundredNanosecond()
    {
        Assert.Equal(new DateOnly(2001, 8, 22), Decode("date", "\"2001-08-22\""));
        Assert.Equal(new TimeOnly(1, 23, 45), Decode("time(0)", "\"01:23:45\""));
        Assert.Equal(new TimeOnly(1, 23, 45).Add(TimeSpan.FromTicks(1234567)), Decode("time(12)", "\"01:23:45.123456789123\""));
        Assert.Equal(new DateTime(2001, 8, 22, 1, 23, 45, 123), Decode("timestamp(3)", "\"2001-08-22 01:23:45.123\""));
        Assert.Equal(new DateTime(2001, 8, 22, 1, 23, 45).AddTicks(1234567), Decode("timestamp(9)", "\"2001-08-22 01:23:45.123456789\""));
        Assert.Equal(new DateTimeOffset(2001, 8, 22, 1, 23, 45, 123, TimeSpan.FromHours(-8)), Decode("timestamp(3) with time zone", "\"2001-08-22 01:23:45.123 -08:00\""));
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 17, 0, 0, TimeSpan.Zero), Decode("timestamp(6) with time zone", "\"2024-03-07 17:00:00.000000 UTC\""));
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 17, 0, 0, TimeSpan.FromHours(-5)), Decode("timestamp(0) with time zone", "\"2024-03-07 17:00:00 America/New_York\""));
        Assert.Equal("01:23:45.123 -08:00", Decode("time(3) with time zone", "\"01:23:45.123 -08:00\""));
    }

    [Fact]
    public void Decode_BinaryUuidAndNested_TypedAllTheWayDown()
    {
        Assert.Equal("eh?"u8.ToArray(), Decode("varbinary", "\"ZWg/\""));
        Assert.Equal(Guid.Parse("12151fd2-7586-11e9-8f9e-2a86e4085a59"), Decode("uuid", "\"12151fd2-7586-11e9-8f9e-2a86e4085a59\""));
        Assert.Equal(new object?[] { "a", "b", null }, Decode("array(varchar(1))", "[\"a\",\"b\",null]"));
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1, ["b"] = null }, Decode("map(varchar(1), integer)", "{\"a\":1,\"b\":null}"));
        Assert.Equal(new object?[] { 1L, 2.0 }, Decode("row(x bigint, y double)", "[1,2.0]"));
        Assert.Equal(new object?[] { new object?[] { 1.5m }, "q" }, Decode("row(\"prices, in EUR\" array(decimal(4, 1)), note varchar)", "[[\"1.5\"],\"q\"]"));
    }

    private static object? Decode(string type, string json)
    {
        using var document = JsonDocument.Parse(json);
        return TrinoValueDecoder.Decode(document.RootElement.Clone(), TrinoType.Parse(type));
    }
}
