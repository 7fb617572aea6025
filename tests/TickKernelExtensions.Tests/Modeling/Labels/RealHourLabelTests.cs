using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Tests.Processing.Bars;

namespace TickKernelExtensions.Tests.Modeling.Labels;

/// <summary>
/// The label and split kernels on the real EURUSD tick hour (2019-02-04 00h, 3,733 ticks): the labeler against a
/// plain reference written from the definition (linear scans, no binary search), then uniqueness and purged k-fold
/// over the resulting windows.
/// </summary>
public sealed class RealHourLabelTests
{
    private const long Minute = 60_000_000;

    private static readonly TripleBarrierOptions Options = new()
    {
        Scale = BarrierScale.Price,
        ProfitTake = 0.0003,
        StopLoss = 0.0003,
        MaxHolding = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public void Label_RealHourEveryMinuteBothSides_EqualsTheReferenceScan()
    {
        var ticks = DukascopyCandleCrossCheckTests.DecodeTicks();
        var (times, sides) = Events(ticks);

        var r = TripleBarrierLabeler.Label(ticks, times, sides, [], Options);

        var kinds = new int[3];
        for (var i = 0; i < r.Count; i++)
        {
            var (t1, barrier, exit) = Reference(ticks, times[i], sides[i]);
            Assert.Equal(t1, r.T1[i]);
            Assert.Equal(barrier, r.Barriers[i]);
            Assert.Equal(exit, r.ExitPrices[i]);
            Assert.InRange(r.T1[i] - r.T0[i], 1, 5 * Minute);
            kinds[(int)barrier]++;
        }
        // The hour is quiet enough for vertical exits and lively enough for both horizontal barriers.
        Assert.All(kinds, k => Assert.True(k > 0));
    }

    [Fact]
    public void UniquenessAndPurgedKFold_RealHourWindows_WeightsInRangeAndFoldsClean()
    {
        var ticks = DukascopyCandleCrossCheckTests.DecodeTicks();
        var (times, sides) = Events(ticks);
        var r = TripleBarrierLabeler.Label(ticks, times, sides, [], Options);
        var grid = Enumerable.Range(0, 3_601).Select(s => ticks.Timestamps[0] - (ticks.Timestamps[0] % Minute) + (s * 1_000_000L)).ToArray();

        var u = SampleUniqueness.AverageUniqueness(grid, r.T0, r.T1);
        var folds = PurgedKFold.Split(r.T0, r.T1, new PurgedKFoldOptions { Folds = 5, Embargo = TimeSpan.FromMinutes(1) });

        // A long and a short start at each event time, so every label shares at least its first grid second: 0 < u < 1.
        Assert.All(u, w => Assert.True(w is > 0 and < 1, $"uniqueness {w}"));
        Assert.All(folds, f => Assert.Empty(SplitCheck.FindLeaks(r.T0, r.T1, f)));
        Assert.All(folds, f => Assert.True(f.CountOf(SplitRole.Purged) > 0));
    }

    // Events at each whole minute from 00:01 to 00:54, long and short.
    private static (long[] Times, TradeSide[] Sides) Events(TickColumns ticks)
    {
        var start = ticks.Timestamps[0] - (ticks.Timestamps[0] % Minute);
        var times = new List<long>();
        var sides = new List<TradeSide>();
        for (var m = 1; m <= 54; m++)
        {
            times.Add(start + (m * Minute));
            sides.Add(TradeSide.Long);
            times.Add(start + (m * Minute));
            sides.Add(TradeSide.Short);
        }
        return ([.. times], [.. sides]);
    }

    private static (long T1, BarrierKind Barrier, double Exit) Reference(TickColumns ticks, long t0, TradeSide side)
    {
        var ts = ticks.Timestamps.ToArray();
        var bids = ticks.Bids.ToArray();
        var asks = ticks.Asks.ToArray();
        var entryTick = Enumerable.Range(0, ts.Length).Last(j => ts[j] <= t0);
        var entry = side == TradeSide.Long ? asks[entryTick] : bids[entryTick];
        var end = t0 + (5 * Minute);
        for (var j = 0; j < ts.Length; j++)
        {
            if (ts[j] <= t0 || ts[j] > end)
            {
                continue;
            }
            var profit = side == TradeSide.Long ? bids[j] - entry : entry - asks[j];
            if (profit >= 0.0003)
            {
                return (ts[j], BarrierKind.ProfitTake, side == TradeSide.Long ? bids[j] : asks[j]);
            }
            if (profit <= -0.0003)
            {
                return (ts[j], BarrierKind.StopLoss, side == TradeSide.Long ? bids[j] : asks[j]);
            }
        }
        var last = Enumerable.Range(0, ts.Length).Last(j => ts[j] <= end);
        return (end, BarrierKind.Vertical, side == TradeSide.Long ? bids[last] : asks[last]);
    }
}
