using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>Binary single-value serialization (spec Appendix D), with the examples of reference/iceberg.md.</summary>
public sealed class IcebergSingleValueTests
{
    [Fact]
    public void ToBytes_DocumentedExamples_MatchByteForByte()
    {
        Assert.Equal("194D0000", Hex(IcebergPrimitiveType.Date, new DateOnly(2024, 1, 15)));
        Assert.Equal("00009643", Hex(IcebergPrimitiveType.Float, 300.0f));
        Assert.Equal("0000000000686740", Hex(IcebergPrimitiveType.Double, 187.25));
        Assert.Equal("400C47D9FC0E0600", Hex(IcebergPrimitiveType.TimestampTz, new DateTime(2024, 1, 15, 14, 30, 0, DateTimeKind.Utc).AddTicks(1234560)));
        Assert.Equal("4141504C", Hex(IcebergPrimitiveType.String, "AAPL"));
        Assert.Equal("F79C3E09677C4BBDA4793F349CB785E7", Hex(IcebergPrimitiveType.Uuid, Guid.Parse("f79c3e09-677c-4bbd-a479-3f349cb785e7")));
        Assert.Equal("058C", Hex(IcebergPrimitiveType.Decimal(9, 2), 14.20m));
        Assert.Equal("FE0C", Hex(IcebergPrimitiveType.Decimal(9, 2), -5.00m));
        Assert.Equal("01", Hex(IcebergPrimitiveType.Boolean, true));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void FromBytes_OfToBytes_IsTheValue(string type, object value)
    {
        var t = IcebergPrimitiveType.Parse(type, "c");

        var back = IcebergSingleValue.FromBytes(t, IcebergSingleValue.ToBytes(t, value));

        Assert.Equal(0, IcebergValues.Compare(t, value, back));
        Assert.Equal(IcebergValues.Normalize(t, value).GetType(), back.GetType());
    }

    public static TheoryData<string, object> Values() => new()
    {
        { "boolean", false },
        { "int", -7 },
        { "long", long.MinValue },
        { "float", -0.5f },
        { "double", double.MaxValue },
        { "date", new DateOnly(1969, 12, 31) },
        { "time", new TimeOnly(23, 59, 59, 999, 999) },
        { "timestamp", new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc) },
        { "timestamptz", new DateTime(2024, 1, 15, 14, 30, 0, DateTimeKind.Utc) },
        { "string", "Mopsy\u2013Na\u00efve \U0001F407" },
        { "uuid", Guid.Parse("f79c3e09-677c-4bbd-a479-3f349cb785e7") },
        { "decimal(10, 2)", 99999999.99m },
        { "decimal(10, 2)", -5m },
        { "binary", new byte[] { 0, 255 } },
        { "fixed[3]", new byte[] { 1, 2, 3 } },
    };

    [Fact]
    public void FromBytes_TooShort_NamesExpectedAndActualLengths()
    {
        var error = Assert.Throws<IcebergException>(() => IcebergSingleValue.FromBytes(IcebergPrimitiveType.Timestamp, new byte[3]));

        Assert.Contains("8 bytes for timestamp", error.Message, StringComparison.Ordinal);
        Assert.Contains("'3 bytes'", error.Message, StringComparison.Ordinal);
    }

    private static string Hex(IcebergPrimitiveType type, object value) => Convert.ToHexString(IcebergSingleValue.ToBytes(type, value));
}
