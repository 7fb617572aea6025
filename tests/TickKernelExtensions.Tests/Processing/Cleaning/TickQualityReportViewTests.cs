using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Tests.Display;
using static TickKernelExtensions.Tests.Processing.Cleaning.CleaningSamples;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

[Collection(FormatterCollection.Name)]
public sealed class TickQualityReportViewTests
{
    public TickQualityReportViewTests() => Formatter.ResetToDefault();

    private static TickQualityReport Sample()
    {
        var input = Quiet(200);
        input.Add(At(12), double.NaN, 1.09, 1f, 1f);
        input.Add(At(13), 1.1, 1.09, 1f, 1f);
        return Clean(input).Report;
    }

    [Fact]
    public void ToDisplayString_Html_IsWellFormedTableWithCountsAndGaps()
    {
        var html = Sample().ToDisplayString("text/html");

        HtmlAssert.WellFormed(html);
        Assert.StartsWith("<div", html, StringComparison.Ordinal);
        Assert.Contains("Tick quality EURUSD 2024-03-12", html, StringComparison.Ordinal);
        Assert.Contains("200 of 202 kept", html, StringComparison.Ordinal);
        Assert.Contains("CrossedQuote", html, StringComparison.Ordinal);
        Assert.Contains("missing", html, StringComparison.Ordinal);
        Assert.Contains("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_PlainText_ShowsTheSameNumbers()
    {
        var text = Sample().ToDisplayString("text/plain");

        Assert.Contains("200 of 202 kept", text, StringComparison.Ordinal);
        Assert.Contains("2 dropped", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_TableOfTwoPartitions_OneRowEach()
    {
        var empty = TickCleaner.Create("GBPUSD", Day).Complete();
        var table = new TickQualityTable([Sample(), empty]);

        var html = table.ToDisplayString("text/html");

        HtmlAssert.WellFormed(html);
        Assert.Contains("2 partitions", html, StringComparison.Ordinal);
        Assert.Contains("200 of 202 kept", html, StringComparison.Ordinal);
        Assert.Contains("GBPUSD", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<tr", StringSplitOptions.None).Length - 1); // header + two rows
    }
}
