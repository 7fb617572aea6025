using Plotly.NET;
using Plotly.NET.CSharp;
using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Statistics;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TickKernelExtensions.Charts;

/// <summary>
/// Plotly charts of a backtest: equity with its underwater (drawdown) panel, and trades as entry and exit markers on a
/// bid line from ticks or bars. Titled, with axis labels and a fixed size, like <see cref="TickCharts"/>; long lines are
/// reduced per pixel bucket to first, lowest, highest and last point. Times are UTC.
/// </summary>
public static class BacktestCharts
{
    private const string TimeAxis = "time (UTC)";

    /// <summary>The report's equity curve and drawdown, titled with the report's title.</summary>
    public static GenericChart EquityAndDrawdown(BacktestReport report, int maxPoints = 4000)
    {
        ArgumentNullException.ThrowIfNull(report);
        return EquityAndDrawdown(report.Equity, $"Equity and drawdown: {report.Title}", maxPoints);
    }

    /// <summary>
    /// Equity over time (top) and the underwater curve below: −100·(peak − equity)/peak, in percent, 0 at every new
    /// high, shaded down to its value.
    /// </summary>
    /// <param name="equity">The curve (at least one point).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="maxPoints">Upper bound of points per line (default 4,000).</param>
    public static GenericChart EquityAndDrawdown(EquityCurve equity, string title = "Equity and drawdown", int maxPoints = 4000)
    {
        ArgumentNullException.ThrowIfNull(equity);
        ArgumentNullException.ThrowIfNull(title);
        if (equity.Count == 0)
        {
            throw new ArgumentException("The equity curve has no points to chart.", nameof(equity));
        }
        var underwater = Drawdowns.Underwater(equity.Equity);
        for (var i = 0; i < underwater.Length; i++)
        {
            underwater[i] *= -100;
        }
        var keepEquity = TickCharts.Downsample(equity.Equity, maxPoints);
        var keepDrawdown = TickCharts.Downsample(underwater, maxPoints);
        var times = equity.Times.ToArray();
        var values = equity.Equity.ToArray();
        var top = CSharpChart.Line<DateTime, double, string>(x: keepEquity.Select(i => TickTime.FromMicros(times[i])).ToArray(),
                y: keepEquity.Select(i => values[i]).ToArray(), Name: "equity")
            .WithYAxisStyle<double, double, string>(TitleText: "equity");
        var bottom = CSharpChart.Area<DateTime, double, string>(x: keepDrawdown.Select(i => TickTime.FromMicros(times[i])).ToArray(),
                y: keepDrawdown.Select(i => underwater[i]).ToArray(), Name: "drawdown %")
            .WithXAxisStyle<double, double, string>(TitleText: TimeAxis).WithYAxisStyle<double, double, string>(TitleText: "drawdown (%)");
        var grid = CSharpChart.Grid([top, bottom], 2, 1, Pattern: StyleParam.LayoutGridPattern.Coupled);
        return Titled(grid, title).WithSize(1000, 600);
    }

    /// <summary>
    /// A walk-forward run: the stitched out-of-sample equity after costs and before them (top), and each fold's return in
    /// percent as a column at the middle of its trading window (below), so a run carried by one lucky fold shows.
    /// </summary>
    public static GenericChart WalkForwardFolds(Backtesting.WalkForward.WalkForwardBacktestResult result, int maxPoints = 4000)
    {
        ArgumentNullException.ThrowIfNull(result);
        GenericChart Line(EquityCurve curve, string name)
        {
            var keep = TickCharts.Downsample(curve.Equity, maxPoints);
            var times = curve.Times.ToArray();
            var values = curve.Equity.ToArray();
            return CSharpChart.Line<DateTime, double, string>(x: keep.Select(i => TickTime.FromMicros(times[i])).ToArray(), y: keep.Select(i => values[i]).ToArray(), Name: name);
        }
        var top = CSharpChart.Combine([Line(result.Equity, "after costs"), Line(result.EquityBeforeCosts, "before costs")])
            .WithYAxisStyle<double, double, string>(TitleText: "equity");
        var folds = result.Folds;
        var bottom = CSharpChart.Column<double, DateTime, string>(
                values: folds.Select(f => 100 * f.Statistics.TotalReturn).ToArray(),
                Keys: folds.Select(f => TickTime.FromMicros(f.Fold.TestStart + ((f.Fold.TestEnd - f.Fold.TestStart) / 2))).ToArray(),
                Name: "fold return %",
                MultiText: folds.Select(f => Backtesting.WalkForward.WalkForwardBacktest.Label(f.Fold)).ToArray())
            .WithXAxisStyle<double, double, string>(TitleText: TimeAxis).WithYAxisStyle<double, double, string>(TitleText: "fold return (%)");
        var grid = CSharpChart.Grid([top, bottom], 2, 1, Pattern: StyleParam.LayoutGridPattern.Coupled);
        return Titled(grid, $"{result.Symbol} walk-forward: {folds.Count} folds, stitched out of sample").WithSize(1000, 600);
    }

    /// <summary>The bid over time with each trade's entry (▲ long, ▼ short) and exit (✕) at its fill price; hover shows side, lots and net P&amp;L.</summary>
    /// <param name="ticks">Ticks in time order.</param>
    /// <param name="trades">The trades to mark (those of other symbols are the caller's to filter).</param>
    /// <param name="title">Chart title, e.g. the symbol.</param>
    /// <param name="maxPoints">Upper bound of points of the bid line (default 4,000); markers are never thinned.</param>
    public static GenericChart Trades(TickColumns ticks, IReadOnlyList<BacktestTrade> trades, string title, int maxPoints = 4000)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var keep = TickCharts.Downsample(ticks, maxPoints);
        return PriceWithTrades(keep.Select(ticks.TimeAt).ToArray(), keep.Select(i => ticks.Bids[i]).ToArray(), "bid", trades, title);
    }

    /// <summary>The bars' close (the bid close for gold bars) with the trades' entries and exits, as for ticks.</summary>
    public static GenericChart Trades(Bars bars, IReadOnlyList<BacktestTrade> trades, string title)
    {
        ArgumentNullException.ThrowIfNull(bars);
        return PriceWithTrades(bars.Times, bars.Close, "bid close", trades, title);
    }

    private static GenericChart PriceWithTrades(DateTime[] times, double[] prices, string lineName, IReadOnlyList<BacktestTrade> trades, string title)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(title);
        var traces = new List<GenericChart> { CSharpChart.Line<DateTime, double, string>(x: times, y: prices, Name: lineName) };
        traces.Add(Markers(trades.Where(t => t.Side == TradeSide.Long).ToArray(), exit: false, "long entry", StyleParam.MarkerSymbol.TriangleUp, "#2ca02c"));
        traces.Add(Markers(trades.Where(t => t.Side == TradeSide.Short).ToArray(), exit: false, "short entry", StyleParam.MarkerSymbol.TriangleDown, "#d62728"));
        traces.Add(Markers([.. trades], exit: true, "exit", StyleParam.MarkerSymbol.X, "#333333"));
        var chart = CSharpChart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: TimeAxis).WithYAxisStyle<double, double, string>(TitleText: "price");
        return Titled(chart, $"{title} ({trades.Count:N0} trades)").WithSize(1000, 500);
    }

    private static GenericChart Markers(BacktestTrade[] trades, bool exit, string name, StyleParam.MarkerSymbol symbol, string color)
    {
        var x = trades.Select(t => TickTime.FromMicros(exit ? t.ExitTime : t.EntryTime)).ToArray();
        var y = trades.Select(t => exit ? t.ExitPrice : t.EntryPrice).ToArray();
        var text = trades.Select(t => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(t.Side == TradeSide.Long ? "long" : "short")} {t.Lots:0.##} lots, net {t.NetPnl:N2}{(exit ? $", {t.ExitReason}" : "")}")).ToArray();
        return CSharpChart.Point<DateTime, double, string>(x: x, y: y, Name: name, MultiText: text,
            MarkerSymbol: symbol, MarkerColor: Color.fromString(color));
    }

    private static GenericChart Titled(GenericChart chart, string title) => Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
}
