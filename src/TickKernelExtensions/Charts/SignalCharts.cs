using Plotly.NET;
using Plotly.NET.CSharp;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Signals;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TickKernelExtensions.Charts;

/// <summary>Charts of a model's signals (served or backtested) over the ticks they were scored on. Times are UTC.</summary>
public static class SignalCharts
{
    /// <summary>
    /// The bid over time with each signal at the bid of the last tick at or before it: ▲ buy, ▼ sell, ● flat; hover
    /// shows the confidence and anomaly score.
    /// </summary>
    /// <param name="ticks">Ticks in time order.</param>
    /// <param name="signals">The signals to mark (those of other symbols are the caller's to filter).</param>
    /// <param name="title">Chart title, e.g. the symbol and model.</param>
    /// <param name="maxPoints">Upper bound of points of the bid line (default 4,000); markers are never thinned.</param>
    public static GenericChart OverPrice(TickColumns ticks, IReadOnlyList<TradeSignal> signals, string title, int maxPoints = 4000)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(title);
        var keep = TickCharts.Downsample(ticks, maxPoints);
        var traces = new List<GenericChart>
        {
            CSharpChart.Line<DateTime, double, string>(x: keep.Select(ticks.TimeAt).ToArray(), y: keep.Select(i => ticks.Bids[i]).ToArray(), Name: "bid"),
            Markers(ticks, signals, SignalAction.Buy, "buy", StyleParam.MarkerSymbol.TriangleUp, "#2ca02c"),
            Markers(ticks, signals, SignalAction.Sell, "sell", StyleParam.MarkerSymbol.TriangleDown, "#d62728"),
            Markers(ticks, signals, SignalAction.Flat, "flat", StyleParam.MarkerSymbol.Circle, "#7f7f7f"),
        };
        var chart = CSharpChart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: "time (UTC)").WithYAxisStyle<double, double, string>(TitleText: "price");
        return Plotly.NET.Chart.withTitle($"{title} ({signals.Count:N0} signals)", null).Invoke(chart).WithSize(1000, 500);
    }

    private static GenericChart Markers(TickColumns ticks, IReadOnlyList<TradeSignal> signals, SignalAction action, string name, StyleParam.MarkerSymbol symbol, string color)
    {
        var picked = signals.Where(s => s.Action == action).ToArray();
        var y = picked.Select(s => BidAt(ticks, s.TimeMicros)).ToArray();
        var text = picked.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name} {s.Confidence:0.000}{(double.IsNaN(s.AnomalyScore) ? "" : $", anomaly {s.AnomalyScore:0.00}")}")).ToArray();
        return CSharpChart.Point<DateTime, double, string>(x: picked.Select(s => s.Time).ToArray(), y: y, Name: name, MultiText: text,
            MarkerSymbol: symbol, MarkerColor: Color.fromString(color));
    }

    // The bid of the last tick at or before the time (the first tick's when the signal precedes them all).
    private static double BidAt(TickColumns ticks, long micros)
    {
        if (ticks.Count == 0)
        {
            return double.NaN;
        }
        var i = ticks.Timestamps.BinarySearch(micros);
        i = i >= 0 ? i : Math.Max(~i - 1, 0);
        return ticks.Bids[i];
    }
}
