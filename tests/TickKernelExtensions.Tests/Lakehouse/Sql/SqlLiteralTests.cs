using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Sql;

namespace TickKernelExtensions.Tests.Lakehouse.Sql;

/// <summary>The literals pruning evaluates without DuckDB give exactly DuckDB's values (session time zone UTC).</summary>
public sealed class SqlLiteralTests
{
    [Theory]
    [InlineData("2024-03-07", null)]
    [InlineData("2024-03-07 10:15:30", null)]
    [InlineData("2024-03-07T10:15:30.123456", null)]
    [InlineData("2024-03-07 10:15:30.5", null)]
    [InlineData("2024-03-07 10:15:30+02", null)]
    [InlineData("2024-03-07 10:15:30-05:30", null)]
    [InlineData("2024-03-07 10:15:30Z", "TIMESTAMP WITH TIME ZONE")]
    [InlineData("1969-12-31 23:59:59.999999+00", "TIMESTAMP WITH TIME ZONE")]
    [InlineData("2024-03-07 10:15:30+0530", null)]
    [InlineData("2024-03-07 10:15:30.000001-01", null)]
    [InlineData("0001-01-01 00:00:00", null)]
    [InlineData("2024-12-31T23:59:59.9", null)]
    public void TryEvaluate_TimestampTzStrings_EqualDuckDbsCast(string text, string? cast)
    {
        var ours = SqlLiteral.TryEvaluate(new SqlPushdownCandidate("ts", IcebergComparison.Equal, "") { LiteralType = "VARCHAR", LiteralText = text, CastType = cast },
            IcebergPrimitiveType.TimestampTz);

        Assert.Equal(DuckDbMicros($"CAST('{text}' AS TIMESTAMPTZ)"), Assert.IsType<long>(ours));
    }

    [Theory]
    [InlineData("2024-03-07 10:15:30")]
    [InlineData("2024-02-29")]
    public void TryEvaluate_TimestampStrings_EqualDuckDbsCast(string text)
    {
        var ours = SqlLiteral.TryEvaluate(new SqlPushdownCandidate("t", IcebergComparison.Equal, "") { LiteralType = "VARCHAR", LiteralText = text },
            IcebergPrimitiveType.Timestamp);

        Assert.Equal(DuckDbMicros($"CAST('{text}' AS TIMESTAMP)"), Assert.IsType<long>(ours));
    }

    [Theory]
    [InlineData("VARCHAR", "2024-03-07 10:15:30 UTC", null)]     // DuckDB's zone names: left to DuckDB
    [InlineData("VARCHAR", "2024-03-07 24:00:00", null)]
    [InlineData("VARCHAR", "2024-03-07 10:15:30.1234567", null)]
    [InlineData("VARCHAR", "2024-03-07", "TIMESTAMP")]            // TIMESTAMP cast on a zoned column: DuckDB's rules
    [InlineData("DECIMAL", "15", null)]
    [InlineData("VARCHAR", "2024-3-07", null)]
    [InlineData("VARCHAR", "2024-02-30", null)]
    [InlineData("VARCHAR", "2024-03-07 10:15", null)]
    [InlineData("VARCHAR", "2024-03-07 10:15:30.", null)]
    [InlineData("VARCHAR", "2024-03-07 10:15:30+2", null)]
    [InlineData("VARCHAR", "2024-03-07 10:15:30+02:3", null)]
    [InlineData("VARCHAR", "2024-03-07 10:15:30+16", null)]
    [InlineData("VARCHAR", "2024-03-07 10:15:30 ", null)]
    public void TryEvaluate_FormsLeftToDuckDb_ReturnNull(string type, string text, string? cast)
    {
        Assert.Null(SqlLiteral.TryEvaluate(new SqlPushdownCandidate("ts", IcebergComparison.Equal, "") { LiteralType = type, LiteralText = text, CastType = cast },
            IcebergPrimitiveType.TimestampTz));
    }

    [Fact]
    public void TryEvaluate_NumbersAndStrings_AreTheLiteralsInTheColumnsType()
    {
        static object? Eval(string type, string text, IcebergPrimitiveType column) =>
            SqlLiteral.TryEvaluate(new SqlPushdownCandidate("c", IcebergComparison.Equal, "") { LiteralType = type, LiteralText = text }, column);

        Assert.Equal(42L, Eval("INTEGER", "42", IcebergPrimitiveType.Long));
        Assert.Equal(-7, Eval("INTEGER", "-7", IcebergPrimitiveType.Int));
        Assert.Equal(3.0, Eval("INTEGER", "3", IcebergPrimitiveType.Double));
        Assert.Equal(0.001, Eval("DOUBLE", "0.001", IcebergPrimitiveType.Double));
        Assert.Equal("EURUSD", Eval("VARCHAR", "EURUSD", IcebergPrimitiveType.String));
        Assert.Equal(new DateOnly(2024, 3, 7), Eval("VARCHAR", "2024-03-07", IcebergPrimitiveType.Date));
        Assert.Null(Eval("BIGINT", "12345678901", IcebergPrimitiveType.Int));
        Assert.Null(Eval("VARCHAR", "42", IcebergPrimitiveType.Long));
    }

    private static long DuckDbMicros(string expression)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SET TimeZone = 'UTC'; SELECT epoch_us({expression})";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
