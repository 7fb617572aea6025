using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using TickKernelExtensions.Display;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TickKernelExtensions.Tests.Display;

[Collection(FormatterCollection.Name)]
public sealed class NotebookDisplayTests
{
    public NotebookDisplayTests() => Formatter.ResetToDefault();

    [Fact]
    public void ToDisplayString_GenericChartWithoutRegister_IsNotAChart()
    {
        // Plotly.NET 6.0.0 marks GenericChart with a formatter-source attribute of its own, but its source type has
        // no constructor the Formatter can call: without Register a chart renders as an object tree.
        var html = Chart().ToDisplayString("text/html");

        Assert.DoesNotContain("Plotly.newPlot", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_GenericChart_RendersTheChartFragmentAsHtml()
    {
        NotebookDisplay.Register();

        var html = Chart().ToDisplayString("text/html");

        Assert.StartsWith("<div id=\"tke-chart-", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("\"x\":[1.0,2.0,3.0]", html, StringComparison.Ordinal);
        Assert.Equal(["text/html"], Formatter.GetPreferredMimeTypesFor(Chart().GetType()));
    }

    [Fact]
    public void Register_GenericChartAsPlainText_DescribesTitleTracesAndSize()
    {
        NotebookDisplay.Register();

        var text = Chart().ToDisplayString("text/plain");

        Assert.Equal("Plotly chart \"prices\": 2 traces (scatter ×2), 600×600", text);
    }

    [Fact]
    public void Register_DataFrame_RendersHeadAndTailWithColumnTypesAndRowCount()
    {
        NotebookDisplay.Register();
        var frame = Frame(100);

        var html = frame.ToDisplayString("text/html");

        var root = HtmlAssert.WellFormed(html);
        var text = HtmlAssert.Text(html);
        Assert.Contains("100 rows", text, StringComparison.Ordinal);
        Assert.Contains("3 columns", text, StringComparison.Ordinal);
        var headers = root.Descendants("thead").Single().Elements("tr").ToList();
        Assert.Equal(["#", "symbol", "bid", "time"], headers[0].Elements("th").Select(h => h.Value));
        Assert.Equal(["", "string", "double", "DateTime"], headers[1].Elements("th").Select(h => h.Value));
        var rows = root.Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(11, rows.Count);
        Assert.Equal("⋯ 90 more", rows[5].Elements("td").First().Value);
        Assert.Equal(["99", "<b>EURUSD</b>", "1.099", "2024-03-04 00:01:39.000"], rows[^1].Elements("td").Select(c => c.Value));
    }

    [Fact]
    public void Register_DataFrameColumn_RendersItsValues()
    {
        NotebookDisplay.Register();
        var frame = Frame(3);

        var text = HtmlAssert.Text(frame.Columns["bid"].ToDisplayString("text/html"));

        Assert.Contains("Column bid", text, StringComparison.Ordinal);
        Assert.Contains("1.002", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_DataFrameAsPlainText_IsAnAlignedTable()
    {
        NotebookDisplay.Register();

        var text = Frame(2).ToDisplayString("text/plain");

        Assert.StartsWith("DataFrame · 2 rows · 3 columns", text, StringComparison.Ordinal);
        Assert.Contains("1.001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_CalledTwice_RegistersEachFormatterOnce()
    {
        NotebookDisplay.Register();
        var once = Formatter.RegisteredFormatters(includeDefaults: false).Count();

        NotebookDisplay.Register();

        Assert.Equal(6, once);
        Assert.Equal(once, Formatter.RegisteredFormatters(includeDefaults: false).Count());
    }

    [Fact]
    public void Register_AfterResetToDefault_RegistersAgain()
    {
        NotebookDisplay.Register();
        Formatter.ResetToDefault();
        Assert.DoesNotContain("Plotly.newPlot", Chart().ToDisplayString("text/html"), StringComparison.Ordinal);

        NotebookDisplay.Register();

        Assert.Contains("Plotly.newPlot", Chart().ToDisplayString("text/html"), StringComparison.Ordinal);
    }

    private static GenericChart Chart() =>
        Plotly.NET.Chart.withTitle("prices", null).Invoke(CSharpChart.Combine(
        [
            CSharpChart.Line<double, double, string>(x: [1.0, 2.0, 3.0], y: [1.1, 1.2, 1.3], Name: "bid"),
            CSharpChart.Line<double, double, string>(x: [1.0, 2.0, 3.0], y: [1.2, 1.3, 1.4], Name: "ask"),
        ]));

    private static DataFrame Frame(int rows)
    {
        var start = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);
        return new DataFrame(
            new StringDataFrameColumn("symbol", Enumerable.Range(0, rows).Select(_ => "<b>EURUSD</b>")),
            new DoubleDataFrameColumn("bid", Enumerable.Range(0, rows).Select(i => 1.0 + (i / 1000.0))),
            new PrimitiveDataFrameColumn<DateTime>("time", Enumerable.Range(0, rows).Select(i => start.AddSeconds(i))));
    }
}
