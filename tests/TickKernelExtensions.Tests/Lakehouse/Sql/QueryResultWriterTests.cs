using System.Text.Json;
using TickKernelExtensions.Lakehouse.Sql;

namespace TickKernelExtensions.Tests.Lakehouse.Sql;

public sealed class QueryResultWriterTests
{
    private static readonly QueryResult Result = new(
        [new("symbol", "varchar"), new("bid", "decimal(10,5)"), new("n", "bigint"), new("spread", "double"), new("day", "date"), new("ts", "timestamp")],
        [
            ["EUR,USD \"spot\"", 1.08512m, 4154L, double.NaN, new DateOnly(2024, 3, 7), new DateTime(2024, 3, 7, 10, 0, 0, 125, DateTimeKind.Utc)],
            ["XAU", null, 7L, 0.5, null, new DateTime(2024, 3, 7, 0, 0, 0, DateTimeKind.Utc)],
        ]);

    private static async Task<string> WriteAsync(QueryOutputFormat format, long? maxRows = null)
    {
        var writer = new StringWriter { NewLine = "\n" };
        await QueryResultWriter.WriteAsync(writer, Result, format, maxRows, TestContext.Current.CancellationToken);
        return writer.ToString();
    }

    [Fact]
    public async Task WriteAsync_Table_AlignsColumnsAndRightAlignsNumbers()
    {
        Assert.Equal(
            "symbol         | bid     | n    | spread | day        | ts\n" +
            "---------------+---------+------+--------+------------+------------------------\n" +
            "EUR,USD \"spot\" | 1.08512 | 4154 |    NaN | 2024-03-07 | 2024-03-07 10:00:00.125\n" +
            "XAU            |    NULL |    7 |    0.5 | NULL       | 2024-03-07 00:00:00\n" +
            "(2 rows)\n",
            await WriteAsync(QueryOutputFormat.Table));
    }

    [Fact]
    public async Task WriteAsync_Csv_QuotesSeparatorsAndQuotes()
    {
        Assert.Equal(
            "symbol,bid,n,spread,day,ts\r\n" +
            "\"EUR,USD \"\"spot\"\"\",1.08512,4154,NaN,2024-03-07,2024-03-07 10:00:00.125\r\n" +
            "XAU,,7,0.5,,2024-03-07 00:00:00\r\n",
            await WriteAsync(QueryOutputFormat.Csv));
    }

    [Fact]
    public async Task WriteAsync_Json_IsAnArrayOfTypedObjects()
    {
        var json = await WriteAsync(QueryOutputFormat.Json);

        var rows = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(1.08512m, rows[0].GetProperty("bid").GetDecimal());
        Assert.Equal("NaN", rows[0].GetProperty("spread").GetString());
        Assert.Equal("2024-03-07T10:00:00.125Z", rows[0].GetProperty("ts").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("bid").ValueKind);
        Assert.Equal(7, rows[1].GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task WriteAsync_MaxRows_StopsAndSaysSo()
    {
        var writer = new StringWriter { NewLine = "\n" };

        var (written, truncated) = await QueryResultWriter.WriteAsync(writer, Result, QueryOutputFormat.Table, 1, TestContext.Current.CancellationToken);
        var (all, notTruncated) = await QueryResultWriter.WriteAsync(TextWriter.Null, Result, QueryOutputFormat.Csv, 2, TestContext.Current.CancellationToken);

        Assert.Equal((1L, true), (written, truncated));
        Assert.Equal((2L, false), (all, notTruncated));
        Assert.EndsWith("(first 1 rows; more not shown)\n", writer.ToString(), StringComparison.Ordinal);
        Assert.Equal("[]\n", await Empty(QueryOutputFormat.Json));
    }

    private static async Task<string> Empty(QueryOutputFormat format)
    {
        var writer = new StringWriter { NewLine = "\n" };
        await QueryResultWriter.WriteAsync(writer, new QueryResult([new("a", "integer")], []), format, null, TestContext.Current.CancellationToken);
        return writer.ToString();
    }
}
