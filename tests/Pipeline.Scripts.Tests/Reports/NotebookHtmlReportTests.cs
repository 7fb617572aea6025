using System.Text.Json.Nodes;
using Pipeline.Scripts.Reports;
using Serving.Host.Tests;
using TickKernelExtensions.Charts;
using TickKernelExtensions.Display;
using TickKernelExtensions.Market;

namespace Pipeline.Scripts.Tests.Reports;

public sealed class NotebookHtmlReportTests
{
    private static JsonNode Notebook(params JsonNode[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray(cells),
        ["metadata"] = new JsonObject { ["papermill"] = new JsonObject { ["duration"] = 1.5, ["exception"] = false } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    private static JsonNode Markdown(string text) => new JsonObject { ["cell_type"] = "markdown", ["id"] = "m", ["metadata"] = new JsonObject(), ["source"] = new JsonArray(text) };

    private static JsonNode Code(string source, params JsonNode[] outputs) => new JsonObject
    {
        ["cell_type"] = "code", ["id"] = "c", ["execution_count"] = 1, ["metadata"] = new JsonObject(),
        ["source"] = new JsonArray(source), ["outputs"] = new JsonArray(outputs),
    };

    [Fact]
    public void Render_EveryOutputKind_AppearsEscapedWhereText()
    {
        var nb = Notebook(
            Markdown("# Title\n\nSome *markdown*."),
            Code("var x = \"<b>\";",
                new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = new JsonArray("<script>alert(1)</script>\n") },
                new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = new JsonArray("<table><tr><td>42</td></tr></table>") }, ["metadata"] = new JsonObject() },
                new JsonObject { ["output_type"] = "error", ["ename"] = "System.Exception", ["evalue"] = "oops <x>", ["traceback"] = new JsonArray("at Submission#1") }));

        var html = NotebookHtmlReport.Render(nb, "report", "");

        Assert.Contains("<h1 id=\"title\">Title</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<em>markdown</em>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<table><tr><td>42</td></tr></table>", html, StringComparison.Ordinal);
        Assert.Contains("oops &lt;x&gt;", html, StringComparison.Ordinal);
        Assert.Contains("var x = &quot;&lt;b&gt;&quot;;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WithChart_OpensOfflineInChromiumAndDrawsTheChart()
    {
        using var dir = new TempDirectory();
        var ticks = new TickColumns();
        var t0 = TickTime.ToMicros(new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc));
        for (var i = 0; i < 500; i++)
        {
            ticks.Add(t0 + (i * 60_000_000L), 1.08 + (Math.Sin(i / 20.0) * 0.002), 1.0802 + (Math.Sin(i / 20.0) * 0.002), 1, 1);
        }
        var chart = ChartHtml.Fragment(TickCharts.BidAsk(ticks, "EURUSD"));
        var nb = Notebook(Code("chart", new JsonObject
        {
            ["output_type"] = "execute_result", ["execution_count"] = 1, ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject { ["text/html"] = new JsonArray(chart) },
        }));
        var file = dir.Combine("report.html");
        await File.WriteAllTextAsync(file, NotebookHtmlReport.Render(nb, "chart", OfflineHtml.PlotlyScriptTag()), TestContext.Current.CancellationToken);
        var png = Environment.GetEnvironmentVariable("REPORT_SCREENSHOT") ?? dir.Combine("report.png");

        var dom = await Chromium.ScreenshotAsync(file, png);

        Assert.Contains("main-svg", dom, StringComparison.Ordinal);
        // The page itself is black on white and grey; coloured pixels are the chart's traces.
        var coloured = Png.Read(png).CountColoured();
        Assert.True(coloured > 500, $"the chart's lines should be visible in the screenshot ({coloured} coloured pixels)");
    }
}
