using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Backtesting.WalkForward;

/// <summary>
/// Copies of the data a fold may see. Training gets ticks before its end and feature rows whose close time (when
/// the row became known) is before its end, so a label or feature that needs a later tick cannot be built from it;
/// trading gets its own window. Copies, not views: a training function cannot reach past the slice it was given.
/// </summary>
public static class WalkForwardSlices
{
    /// <summary>The ticks with <c>start ≤ time &lt; end</c> (ticks in time order).</summary>
    public static TickColumns Ticks(TickColumns ticks, long start, long end)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var times = ticks.Timestamps;
        var from = LowerBound(times, start);
        var to = LowerBound(times, end);
        var slice = new TickColumns(Math.Max(1, to - from));
        if (to > from)
        {
            slice.AddRange(ticks, from, to - from);
        }
        return slice;
    }

    /// <summary>The feature rows with <c>start ≤ close time &lt; end</c>, same definition and columns.</summary>
    public static FeatureTable Features(FeatureTable table, long start, long end)
    {
        ArgumentNullException.ThrowIfNull(table);
        var close = table.CloseTimes;
        var from = LowerBound(close, start);
        var to = LowerBound(close, end);
        var slice = new FeatureTable(table.Definition, table.ColumnNames, Math.Max(1, to - from));
        var row = new double[table.ColumnNames.Count];
        for (var r = from; r < to; r++)
        {
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = table.Column(c)[r];
            }
            slice.AddRow(table.OpenTimes[r], close[r], row);
        }
        return slice;
    }

    /// <summary>The training data of a fold: ticks and feature rows before <see cref="WalkForwardFold.TrainEnd"/>.</summary>
    public static (TickColumns Ticks, FeatureTable Features) Training(WalkForwardFold fold, TickColumns ticks, FeatureTable features)
    {
        ArgumentNullException.ThrowIfNull(fold);
        return (Ticks(ticks, fold.TrainStart, fold.TrainEnd), Features(features, fold.TrainStart, fold.TrainEnd));
    }

    /// <summary>The trading data of a fold: its ticks in <c>[TestStart, TestEnd)</c>.</summary>
    public static TickColumns Trading(WalkForwardFold fold, TickColumns ticks)
    {
        ArgumentNullException.ThrowIfNull(fold);
        return Ticks(ticks, fold.TestStart, fold.TestEnd);
    }

    private static int LowerBound(ReadOnlySpan<long> sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
