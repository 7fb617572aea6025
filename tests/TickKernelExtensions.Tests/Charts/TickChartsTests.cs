using System.Text.Json;
using Plotly.NET;
using TickKernelExtensions.Charts;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Columnar;

namespace TickKernelExtensions.Tests.Charts;

public sealed class TickChartsTests
{
    [Fact]
    public void BidAsk_RealTickHour_BidAskAndSpreadLinesWithTitle()
    {
        var ticks = FixtureTicks.EurUsdHour();

        using var figure = Figure(TickCharts.BidAsk(ticks, "EURUSD 2019-02-04"));

        Assert.Equal(["scatter", "scatter", "scatter"], TraceTypes(figure));
        Assert.Equal(["bid", "ask", "spread"], figure.RootElement.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("EURUSD 2019-02-04", Title(figure));
        Assert.Equal(3733, figure.RootElement.GetProperty("data")[0].GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void Candles_MinuteBarsWithVolume_CandlestickAndVolumeBarPanels()
    {
        var bars = MinuteBars(FixtureTicks.EurUsdHour(), withVolume: true);

        using var figure = Figure(TickCharts.Candles(bars, "EURUSD m1"));

        Assert.Equal(["candlestick", "bar"], TraceTypes(figure));
        var candles = figure.RootElement.GetProperty("data")[0];
        Assert.Equal(bars.Count, candles.GetProperty("open").GetArrayLength());
        Assert.Equal(bars.High.Max(), candles.GetProperty("high").EnumerateArray().Max(h => h.GetDouble()));
        Assert.Equal("EURUSD m1", Title(figure));
        var layout = figure.RootElement.GetProperty("layout");
        Assert.Equal("price", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("volume", layout.GetProperty("yaxis2").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(1000, layout.GetProperty("width").GetInt32());
    }

    [Fact]
    public void Candles_BarsWithoutVolume_OneCandlestickTrace()
    {
        var bars = MinuteBars(FixtureTicks.EurUsdHour(), withVolume: false);

        using var figure = Figure(TickCharts.Candles(bars, "EURUSD m1", priceAxisTitle: "bid"));

        Assert.Equal(["candlestick"], TraceTypes(figure));
        Assert.Equal("bid", figure.RootElement.GetProperty("layout").GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Lines_TwoSeries_TwoNamedScatterLinesWithAxisTitles()
    {
        var times = Enumerable.Range(0, 10).Select(i => new DateTime(2024, 3, 4, 0, i, 0, DateTimeKind.Utc)).ToArray();
        LineSeries[] series =
        [
            new("mid", times, times.Select((_, i) => 1.0 + i).ToArray()),
            new("ema", times, times.Select((_, i) => 1.5 + i).ToArray()),
        ];

        using var figure = Figure(TickCharts.Lines(series, "EURUSD mid", "price"));

        Assert.Equal(["scatter", "scatter"], TraceTypes(figure));
        Assert.Equal(["mid", "ema"], figure.RootElement.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.All(figure.RootElement.GetProperty("data").EnumerateArray(), t => Assert.Equal("lines", t.GetProperty("mode").GetString()));
        var layout = figure.RootElement.GetProperty("layout");
        Assert.Equal("time (UTC)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("price", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Lines_LongSeries_ReducedToMaxPointsKeepingTheExtremes()
    {
        var n = 100_000;
        var start = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);
        var times = Enumerable.Range(0, n).Select(i => start.AddSeconds(i)).ToArray();
        var values = Enumerable.Range(0, n).Select(i => Math.Sin(i / 500.0)).ToArray();
        values[54_321] = 7;

        using var figure = Figure(TickCharts.Lines([new LineSeries("wave", times, values)], "wave", maxPoints: 1000));

        var y = figure.RootElement.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.InRange(y.Count, 250, 1000);
        Assert.Equal(7, y.Max());
        Assert.Equal(values.Min(), y.Min());
    }

    [Fact]
    public void Lines_ValuesShorterThanTimes_ThrowsNamingTheSeries()
    {
        var times = new[] { DateTime.UnixEpoch, DateTime.UnixEpoch.AddSeconds(1) };

        var error = Assert.Throws<ArgumentException>(() => TickCharts.Lines([new LineSeries("mid", times, [1.0])], "x"));

        Assert.Contains("Line 'mid': expected one value per time (2), actual 1 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_ValuesWithNaN_HistogramTraceOfTheFiniteValues()
    {
        double[] values = [0.1, 0.2, double.NaN, 0.2, double.PositiveInfinity, 0.3];

        using var figure = Figure(TickCharts.Histogram(values, "returns", "log return", bins: 20));

        Assert.Equal(["histogram"], TraceTypes(figure));
        var trace = figure.RootElement.GetProperty("data")[0];
        Assert.Equal(4, trace.GetProperty("x").GetArrayLength());
        Assert.Equal(20, trace.GetProperty("nbinsx").GetInt32());
        Assert.Equal("count", figure.RootElement.GetProperty("layout").GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void SpreadHistogram_RealTickHour_OneValuePerTickAskMinusBid()
    {
        var ticks = FixtureTicks.EurUsdHour();

        using var figure = Figure(TickCharts.SpreadHistogram(ticks, "EURUSD spreads"));

        var x = figure.RootElement.GetProperty("data")[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(ticks.Count, x.Count);
        Assert.Equal(ticks.Asks[0] - ticks.Bids[0], x[0]);
        Assert.Equal("spread (price units)", figure.RootElement.GetProperty("layout").GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Bars_ColumnsOfDifferentLengths_ThrowsNamingEachFieldExpectedAndActual()
    {
        var times = new[] { DateTime.UnixEpoch, DateTime.UnixEpoch.AddMinutes(1) };

        var error = Assert.Throws<ArgumentException>(() => new Bars(times, [1, 1], [2], [0, 0], [1], [5, 5, 5]));

        Assert.Contains("high: expected 2 values (one per time), actual 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("close: expected 2 values (one per time), actual 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("volume: expected 2 values (one per time), actual 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_HighBelowClose_ThrowsNamingTheBar()
    {
        var times = new[] { DateTime.UnixEpoch, DateTime.UnixEpoch.AddMinutes(1) };

        var error = Assert.Throws<ArgumentException>(() => new Bars(times, [1, 1], [2, 1.5], [0, 0], [1, 1.6]));

        Assert.Contains("bar 1: expected low ≤ open, close ≤ high, actual open 1, high 1.5, low 0, close 1.6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_TimesNotAscending_ThrowsNamingTheIndex()
    {
        var times = new[] { DateTime.UnixEpoch.AddMinutes(1), DateTime.UnixEpoch };

        var error = Assert.Throws<ArgumentException>(() => new Bars(times, [1, 1], [1, 1], [1, 1], [1, 1]));

        Assert.Contains("times[1]: expected after 1970-01-01T00:01:00", error.Message, StringComparison.Ordinal);
    }

    /// <summary>One-minute bid bars of the ticks, volume = ticks per minute (a test-side resampler, independent of the charts).</summary>
    internal static Bars MinuteBars(TickColumns ticks, bool withVolume)
    {
        var groups = Enumerable.Range(0, ticks.Count)
            .GroupBy(i => ticks.Timestamps[i] / (60 * 1_000_000L))
            .OrderBy(g => g.Key)
            .ToList();
        return new Bars(
            groups.Select(g => TickTime.FromMicros(g.Key * 60 * 1_000_000L)).ToArray(),
            groups.Select(g => ticks.Bids[g.First()]).ToArray(),
            groups.Select(g => g.Max(i => ticks.Bids[i])).ToArray(),
            groups.Select(g => g.Min(i => ticks.Bids[i])).ToArray(),
            groups.Select(g => ticks.Bids[g.Last()]).ToArray(),
            withVolume ? groups.Select(g => (double)g.Count()).ToArray() : null);
    }

    private static JsonDocument Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart));

    private static List<string?> TraceTypes(JsonDocument figure) =>
        figure.RootElement.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("type").GetString()).ToList();

    private static string? Title(JsonDocument figure) =>
        figure.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString();
}
