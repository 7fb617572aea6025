using Microsoft.Data.Analysis;
using TickKernelExtensions.Lakehouse.Sql;

namespace TickKernelExtensions.Tests.Lakehouse.Sql;

public sealed class QueryResultTests
{
    private static readonly QueryResult Result = new(
        [new("symbol", "varchar"), new("bid", "decimal(10, 5)"), new("ticks", "bigint"), new("spread", "double"), new("day", "date"), new("ts", "timestamp(3)")],
        [
            ["EURUSD", 1.08512m, 4154L, 0.7, new DateOnly(2024, 3, 7), new DateTime(2024, 3, 7, 0, 0, 0, 125)],
            ["XAUUSD", null, null, null, null, null],
        ]);

    [Fact]
    public void ToDataFrame_TypedColumnsWithNulls()
    {
        var frame = Result.ToDataFrame();

        Assert.IsType<StringDataFrameColumn>(frame.Columns["symbol"]);
        Assert.IsType<DecimalDataFrameColumn>(frame.Columns["bid"]);
        Assert.IsType<Int64DataFrameColumn>(frame.Columns["ticks"]);
        Assert.IsType<DoubleDataFrameColumn>(frame.Columns["spread"]);
        Assert.IsType<DateTimeDataFrameColumn>(frame.Columns["ts"]);
        Assert.Equal("2024-03-07", frame.Columns["day"][0]);
        Assert.Equal(1.08512m, frame.Columns["bid"][0]);
        Assert.Null(frame.Columns["bid"][1]);
        Assert.Equal(2, frame.Rows.Count);
    }

    [Fact]
    public void Column_ByNameIgnoringCase_UnknownNameListsTheColumns()
    {
        Assert.Equal(new object?[] { 4154L, null }, Result.Column("TICKS"));

        var error = Assert.Throws<KeyNotFoundException>(() => Result.Ordinal("ask"));

        Assert.Equal("No column 'ask' in the result; its columns are symbol, bid, ticks, spread, day, ts.", error.Message);
    }
}
