using System.Text.RegularExpressions;
using Plotly.NET;
using TickKernelExtensions.Display;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TickKernelExtensions.Tests.Display;

public sealed partial class OfflineHtmlTests
{
    /// <summary>The banner at the top of plotly.min.js.</summary>
    private const string PlotlyJsMarker = "plotly.js v2.28.0";

    [Fact]
    public void PlotlyResourceName_PlotlyNet6_IsAnEmbeddedResourceOfPlotlyNet()
    {
        Assert.Equal("Plotly.NET.plotly-2.28.0.min.js", OfflineHtml.PlotlyResourceName);
        Assert.Contains(OfflineHtml.PlotlyResourceName, typeof(GenericChart).Assembly.GetManifestResourceNames());
    }

    [Fact]
    public void Document_WithCharts_InlinesPlotlyJsOnceInTheHeadAndReferencesNothingOnline()
    {
        var body = string.Concat(
            ChartHtml.Fragment(CSharpChart.Line<double, double, string>(x: [1.0, 2.0], y: [3.0, 4.0])),
            ChartHtml.Fragment(CSharpChart.Histogram<double, double, string>(X: new[] { 1.0, 2.0, 2.0 })));

        var html = OfflineHtml.Document("Report <EURUSD>", body);

        Assert.True(html.Length > 3_000_000, $"document is {html.Length} characters");
        Assert.Single(Regex.Matches(html, Regex.Escape(PlotlyJsMarker)));
        Assert.True(html.IndexOf(PlotlyJsMarker, StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));
        Assert.True(html.IndexOf("</head>", StringComparison.Ordinal) < html.IndexOf("tke-chart-", StringComparison.Ordinal));
        Assert.DoesNotMatch(ScriptWithSource(), html);
        Assert.DoesNotMatch(LinkTag(), html);
        Assert.Contains("<title>Report &lt;EURUSD&gt;</title>", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PlotlyScriptTag_ScriptElement_HoldsAllOfPlotlyJs()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(OfflineHtml.PlotlyResourceName)!;
        using var reader = new StreamReader(stream);
        var js = reader.ReadToEnd();

        var tag = OfflineHtml.PlotlyScriptTag();

        Assert.StartsWith("<script", tag, StringComparison.Ordinal);
        Assert.EndsWith("</script>", tag, StringComparison.Ordinal);
        Assert.Contains(js, tag, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(tag, "</script", RegexOptions.IgnoreCase));
    }

    [GeneratedRegex(@"<script[^>]*\ssrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptWithSource();

    [GeneratedRegex(@"<link[^>]*href\s*=\s*[""']?https?:", RegexOptions.IgnoreCase)]
    private static partial Regex LinkTag();
}
