using Plotly.NET;
using Plotly.NET.CSharp;
using TickKernelExtensions.Market;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TickKernelExtensions.Charts;

/// <summary>
/// Plotly charts of ticks, bars and series, titled, with axis labels and a fixed size. Large line series are
/// reduced to the first, lowest, highest and last point per pixel bucket, so spikes stay visible. Times are UTC.
/// In a notebook, call <see cref="Display.NotebookDisplay.Register"/> once so charts render as HTML.
/// </summary>
public static class TickCharts
{
    private const string TimeAxis = "time (UTC)";

    /// <summary>Bid and ask over time, with the spread on a second panel.</summary>
    /// <param name="ticks">Ticks in time order.</param>
    /// <param name="title">Chart title, e.g. the symbol.</param>
    /// <param name="maxPoints">Upper bound of points per line (default 4,000).</param>
    public static GenericChart BidAsk(TickColumns ticks, string title, int maxPoints = 4000)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var keep = Downsample(ticks, maxPoints);
        var times = keep.Select(ticks.TimeAt).ToArray();
        var bids = keep.Select(i => ticks.Bids[i]).ToArray();
        var asks = keep.Select(i => ticks.Asks[i]).ToArray();
        var spreads = keep.Select(i => ticks.Asks[i] - ticks.Bids[i]).ToArray();
        var prices = CSharpChart.Combine(
        [
            CSharpChart.Line<DateTime, double, string>(x: times, y: bids, Name: "bid"),
            CSharpChart.Line<DateTime, double, string>(x: times, y: asks, Name: "ask"),
        ]).WithYAxisStyle<double, double, string>(TitleText: "price");
        var spread = CSharpChart.Line<DateTime, double, string>(x: times, y: spreads, Name: "spread")
            .WithXAxisStyle<double, double, string>(TitleText: TimeAxis).WithYAxisStyle<double, double, string>(TitleText: "spread");
        var grid = CSharpChart.Grid([prices, spread], 2, 1, Pattern: StyleParam.LayoutGridPattern.Coupled);
        return Titled(grid, title).WithSize(1000, 600);
    }

    /// <summary>Candlesticks of OHLC bars; with volumes, a volume panel below.</summary>
    /// <param name="bars">The bars.</param>
    /// <param name="title">Chart title, e.g. "EURUSD m1".</param>
    /// <param name="priceAxisTitle">Title of the price axis (default "price").</param>
    public static GenericChart Candles(Bars bars, string title, string priceAxisTitle = "price")
    {
        ArgumentNullException.ThrowIfNull(bars);
        var candles = CSharpChart.Candlestick<double, DateTime, string>(
            open: bars.Open, high: bars.High, low: bars.Low, close: bars.Close, X: bars.Times, MultiX: default,
            Name: "OHLC", ShowXAxisRangeSlider: false)
            .WithYAxisStyle<double, double, string>(TitleText: priceAxisTitle);
        if (bars.Volume is null)
        {
            return Titled(candles.WithXAxisStyle<double, double, string>(TitleText: TimeAxis), title).WithSize(1000, 600);
        }
        var volume = CSharpChart.Column<double, DateTime, string>(values: bars.Volume, Keys: bars.Times, Name: "volume")
            .WithXAxisStyle<double, double, string>(TitleText: TimeAxis).WithYAxisStyle<double, double, string>(TitleText: "volume");
        var grid = CSharpChart.Grid([candles, volume], 2, 1, Pattern: StyleParam.LayoutGridPattern.Coupled);
        return Titled(grid, title).WithSize(1000, 650);
    }

    /// <summary>One or several named series over time on one axis.</summary>
    /// <param name="series">The lines; each is reduced to at most <paramref name="maxPoints"/> points.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="valueAxisTitle">Title of the value axis, with its unit.</param>
    /// <param name="maxPoints">Upper bound of points per line (default 4,000).</param>
    public static GenericChart Lines(IEnumerable<LineSeries> series, string title, string valueAxisTitle = "value", int maxPoints = 4000)
    {
        ArgumentNullException.ThrowIfNull(series);
        var lines = new List<GenericChart>();
        foreach (var s in series)
        {
            if (s.Times.Length != s.Values.Length)
            {
                throw new ArgumentException(
                    $"Line '{s.Name}': expected one value per time ({s.Times.Length}), actual {s.Values.Length} values.", nameof(series));
            }
            var keep = Downsample(s.Values, maxPoints);
            lines.Add(CSharpChart.Line<DateTime, double, string>(
                x: keep.Select(i => s.Times[i]).ToArray(), y: keep.Select(i => s.Values[i]).ToArray(), Name: s.Name));
        }
        if (lines.Count == 0)
        {
            throw new ArgumentException("Lines needs at least one series.", nameof(series));
        }
        var chart = CSharpChart.Combine(lines).WithXAxisStyle<double, double, string>(TitleText: TimeAxis).WithYAxisStyle<double, double, string>(TitleText: valueAxisTitle);
        return Titled(chart, title).WithSize(1000, 450);
    }

    /// <summary>A histogram of values, e.g. spreads or returns. NaN and infinite values are left out.</summary>
    /// <param name="values">The values.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="valueAxisTitle">What the values are, with their unit (the x axis).</param>
    /// <param name="bins">Maximum number of bins (default 60); plotly.js picks round bin edges up to that many.</param>
    public static GenericChart Histogram(IEnumerable<double> values, string title, string valueAxisTitle, int bins = 60)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var finite = values.Where(double.IsFinite).ToArray();
        var chart = CSharpChart.Histogram<double, double, string>(X: finite, NBinsX: bins, Name: valueAxisTitle)
            .WithXAxisStyle<double, double, string>(TitleText: valueAxisTitle).WithYAxisStyle<double, double, string>(TitleText: "count");
        return Titled(chart, title).WithSize(800, 450);
    }

    /// <summary>A histogram of the spreads (ask − bid, in price units) of ticks.</summary>
    /// <param name="ticks">The ticks.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="bins">Maximum number of bins (default 60).</param>
    public static GenericChart SpreadHistogram(TickColumns ticks, string title, int bins = 60)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var spreads = new double[ticks.Count];
        var bids = ticks.Bids;
        var asks = ticks.Asks;
        for (var i = 0; i < spreads.Length; i++)
        {
            spreads[i] = asks[i] - bids[i];
        }
        return Histogram(spreads, title, "spread (price units)", bins);
    }

    /// <summary>Indices of the ticks to plot: all of them, or per bucket the first, min, max and last bid.</summary>
    internal static List<int> Downsample(TickColumns ticks, int maxPoints) => Downsample(ticks.Bids, maxPoints);

    /// <summary>Indices of the points to plot: all of them, or per bucket the first, min, max and last value.</summary>
    internal static List<int> Downsample(ReadOnlySpan<double> values, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 4);
        var n = values.Length;
        if (n <= maxPoints)
        {
            return Enumerable.Range(0, n).ToList();
        }
        var buckets = maxPoints / 4;
        var keep = new List<int>(maxPoints);
        for (var b = 0; b < buckets; b++)
        {
            var start = (int)((long)n * b / buckets);
            var end = (int)((long)n * (b + 1) / buckets);
            int lo = start, hi = start;
            for (var i = start; i < end; i++)
            {
                if (values[i] < values[lo])
                {
                    lo = i;
                }
                if (values[i] > values[hi])
                {
                    hi = i;
                }
            }
            foreach (var i in new SortedSet<int> { start, lo, hi, end - 1 })
            {
                keep.Add(i);
            }
        }
        return keep;
    }

    private static GenericChart Titled(GenericChart chart, string title) => Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
}
