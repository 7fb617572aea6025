using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

public sealed class IcebergTransformTests
{
    [Theory]
    [InlineData("identity", IcebergTransformKind.Identity, 0)]
    [InlineData("bucket[16]", IcebergTransformKind.Bucket, 16)]
    [InlineData("truncate[4]", IcebergTransformKind.Truncate, 4)]
    [InlineData("year", IcebergTransformKind.Year, 0)]
    [InlineData("month", IcebergTransformKind.Month, 0)]
    [InlineData("day", IcebergTransformKind.Day, 0)]
    [InlineData("hour", IcebergTransformKind.Hour, 0)]
    [InlineData("void", IcebergTransformKind.Void, 0)]
    public void Parse_EachSpecTransform_RoundTripsItsString(string text, IcebergTransformKind kind, int parameter)
    {
        var t = IcebergTransform.Parse(text, "f");

        Assert.Equal(kind, t.Kind);
        Assert.Equal(parameter, t.Parameter);
        Assert.Equal(text, t.ToString());
    }

    [Fact]
    public void Parse_Unknown_NamesTheFieldAndValue()
    {
        var error = Assert.Throws<IcebergException>(() => IcebergTransform.Parse("zorder", "ts_z"));

        Assert.Equal(IcebergErrorKind.Unsupported, error.Kind);
        Assert.Contains("'ts_z'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'zorder'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TimeTransforms_CountFromTheEpochAndFloorBeforeIt()
    {
        var ts = new DateTime(2023, 5, 1, 10, 30, 0, DateTimeKind.Utc);
        var before = new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc);
        var tz = IcebergPrimitiveType.TimestampTz;

        Assert.Equal(53, new IcebergTransform(IcebergTransformKind.Year).Apply(tz, ts));
        Assert.Equal(640, new IcebergTransform(IcebergTransformKind.Month).Apply(tz, ts));
        Assert.Equal(new DateOnly(2023, 5, 1), IcebergTransform.Day.Apply(tz, ts));
        Assert.Equal((19478 * 24) + 10, new IcebergTransform(IcebergTransformKind.Hour).Apply(tz, ts));
        Assert.Equal(-1, new IcebergTransform(IcebergTransformKind.Year).Apply(tz, before));
        Assert.Equal(-1, new IcebergTransform(IcebergTransformKind.Month).Apply(tz, before));
        Assert.Equal(-1, new IcebergTransform(IcebergTransformKind.Hour).Apply(tz, before));
        Assert.Equal(new DateOnly(1969, 12, 31), IcebergTransform.Day.Apply(tz, before));
        Assert.Equal(IcebergPrimitiveType.Date, IcebergTransform.Day.ResultType(tz));
    }

    [Fact]
    public void Apply_Truncate_FollowsTheSpecExamples()
    {
        var t10 = new IcebergTransform(IcebergTransformKind.Truncate, 10);

        Assert.Equal(0, t10.Apply(IcebergPrimitiveType.Int, 1));
        Assert.Equal(-10, t10.Apply(IcebergPrimitiveType.Int, -1));
        Assert.Equal(0L, t10.Apply(IcebergPrimitiveType.Long, 1L));
        Assert.Equal(10.50m, new IcebergTransform(IcebergTransformKind.Truncate, 50).Apply(IcebergPrimitiveType.Decimal(9, 2), 10.65m));
        Assert.Equal(10.60m, t10.Apply(IcebergPrimitiveType.Decimal(9, 2), 10.65m));
        Assert.Equal("iceberg", new IcebergTransform(IcebergTransformKind.Truncate, 7).Apply(IcebergPrimitiveType.String, "iceberg table"));
        Assert.Equal("\U0001F407a", new IcebergTransform(IcebergTransformKind.Truncate, 2).Apply(IcebergPrimitiveType.String, "\U0001F407ab"));
    }

    [Fact]
    public void Apply_VoidAndNull_GiveNull()
    {
        Assert.Null(new IcebergTransform(IcebergTransformKind.Void).Apply(IcebergPrimitiveType.Int, 5));
        Assert.Null(IcebergTransform.Identity.Apply(IcebergPrimitiveType.Int, null));
    }
}
