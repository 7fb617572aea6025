using System.Text.Json;
using System.Text.RegularExpressions;
using Plotly.NET;
using TickKernelExtensions.Display;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TickKernelExtensions.Tests.Display;

public sealed partial class ChartHtmlTests
{
    [Fact]
    public void PlotlyCdnUrl_PlotlyNet6_IsTheBundledPlotlyJsVersion()
    {
        Assert.Equal("2.28.0", ChartHtml.PlotlyJsVersion);
        Assert.Equal("https://cdn.plot.ly/plotly-2.28.0.min", ChartHtml.PlotlyCdnUrl);
    }

    [Fact]
    public void Fragment_Chart_HoldsFigureJsonAndCdnLoaderButNotPlotlyJs()
    {
        var chart = Line("EURUSD");

        var html = ChartHtml.Fragment(chart);

        Assert.Contains(GenericChart.toJson(chart), html, StringComparison.Ordinal);
        Assert.Contains("\"https://cdn.plot.ly/plotly-2.28.0.min\"", html, StringComparison.Ordinal);
        Assert.Contains("if (window.Plotly) { plot(window.Plotly); return; }", html, StringComparison.Ordinal);
        Assert.Contains("amd.config({ context:", html, StringComparison.Ordinal);
        Assert.Contains("document.createElement(\"script\")", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(element, figure.data, figure.layout, figure.config)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.js v2.28.0", html, StringComparison.Ordinal);
        Assert.True(html.Length < 20_000, $"fragment is {html.Length} characters");
    }

    [Fact]
    public void Fragment_Chart_FigureParsesBackWithDataLayoutAndConfig()
    {
        var html = ChartHtml.Fragment(Line("EURUSD"));

        using var figure = JsonDocument.Parse(Figure(html));

        var trace = figure.RootElement.GetProperty("data")[0];
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal([1.0, 2.0, 3.0], trace.GetProperty("x").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal("EURUSD", figure.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.True(figure.RootElement.GetProperty("config").GetProperty("responsive").GetBoolean());
    }

    [Fact]
    public void Fragment_TitleWithScriptEndTag_CannotCloseTheScriptEarly()
    {
        var html = ChartHtml.Fragment(Line("</script><img src=x onerror=alert(1)>"));

        Assert.Single(Regex.Matches(html, "</script", RegexOptions.IgnoreCase));
        Assert.EndsWith("</script>", html, StringComparison.Ordinal);
        using var figure = JsonDocument.Parse(Figure(html));
        Assert.Equal("</script><img src=x onerror=alert(1)>",
            figure.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Fragment_SameChartTwice_IdsShareTheContentHashAndDiffer()
    {
        var chart = Line("EURUSD");

        var first = Id(ChartHtml.Fragment(chart));
        var second = Id(ChartHtml.Fragment(chart));
        var other = Id(ChartHtml.Fragment(Line("USDJPY")));

        Assert.NotEqual(first, second);
        Assert.Equal(first[..^(first.Length - first.LastIndexOf('-'))], second[..^(second.Length - second.LastIndexOf('-'))]);
        Assert.NotEqual(first[..22], other[..22]);
        Assert.Matches("^tke-chart-[0-9a-f]{12}-[0-9]+$", first);
    }

    internal static string Figure(string fragment)
    {
        var match = FigureLine().Match(fragment);
        Assert.True(match.Success, "no 'var figure = …;' line in the fragment");
        return match.Groups[1].Value;
    }

    private static string Id(string fragment) => IdAttribute().Match(fragment).Groups[1].Value;

    private static GenericChart Line(string title) =>
        Plotly.NET.Chart.withTitle(title, null).Invoke(CSharpChart.Line<double, double, string>(x: [1.0, 2.0, 3.0], y: [1.1, 1.2, 1.3]));

    [GeneratedRegex(@"^  var figure = (.*);$", RegexOptions.Multiline)]
    private static partial Regex FigureLine();

    [GeneratedRegex("<div id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
