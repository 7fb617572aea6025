using Plotly.NET;
using Plotly.NET.CSharp;
using TickKernelExtensions.Market;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TickKernelExtensions.Charts;

/// <summary>Plotly charts of ticks. Large series are reduced to the first, lowest, highest and last tick per pixel bucket, so spikes stay visible.</summary>
public static class TickCharts
{
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
        ]);
        var spread = CSharpChart.Line<DateTime, double, string>(x: times, y: spreads, Name: "spread");
        var grid = CSharpChart.Grid([prices, spread], 2, 1, Pattern: StyleParam.LayoutGridPattern.Coupled);
        return Plotly.NET.Chart.withTitle(title, null).Invoke(grid).WithSize(1000, 600);
    }

    /// <summary>Indices of the ticks to plot: all of them, or per bucket the first, min, max and last bid.</summary>
    internal static List<int> Downsample(TickColumns ticks, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 4);
        var n = ticks.Count;
        if (n <= maxPoints)
        {
            return Enumerable.Range(0, n).ToList();
        }
        var buckets = maxPoints / 4;
        var keep = new List<int>(maxPoints);
        var bids = ticks.Bids;
        for (var b = 0; b < buckets; b++)
        {
            var start = (int)((long)n * b / buckets);
            var end = (int)((long)n * (b + 1) / buckets);
            int lo = start, hi = start;
            for (var i = start; i < end; i++)
            {
                if (bids[i] < bids[lo])
                {
                    lo = i;
                }
                if (bids[i] > bids[hi])
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
}
