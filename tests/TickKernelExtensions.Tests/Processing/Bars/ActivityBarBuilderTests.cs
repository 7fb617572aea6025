using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;
using static TickKernelExtensions.Tests.Processing.Bars.BarTestTicks;

namespace TickKernelExtensions.Tests.Processing.Bars;

/// <summary>Tick, volume and dollar bars: hand-computed goldens on <see cref="BarTestTicks.Six"/>, and chunking.</summary>
public sealed class ActivityBarBuilderTests
{
    [Fact]
    public void TickBarBuilder_TwoTicksPerBar_GivesHandComputedBars()
    {
        var bars = Run(new TickBarBuilder(new TickBarOptions { TicksPerBar = 2 }), Six());

        Assert.Equal([2, 2, 2], bars.TickCounts.ToArray());
        Assert.Equal([T0 + Second, T0 + (59 * Second), T0 + (150 * Second)], bars.OpenTimes.ToArray());
        Assert.Equal([T0 + (20 * Second), T0 + (2 * Minute), T0 + (181 * Second)], bars.CloseTimes.ToArray());
        Assert.Equal([1.00, 0.75, 1.50], bars.BidOpen.ToArray());
        Assert.Equal([1.25, 2.00, 1.75], bars.BidHigh.ToArray());
        Assert.Equal([1.25, 2.00, 1.75], bars.BidClose.ToArray());
        Assert.Equal([4.0, 2.0, 5.0], bars.BidVolume.ToArray());
        Assert.Equal([2.0, 5.0, 9.0], bars.AskVolume.ToArray());
    }

    [Fact]
    public void VolumeBarBuilder_FiveMillionBothSides_ClosesOnTheCrossingTick()
    {
        var bars = Run(new VolumeBarBuilder(new VolumeBarOptions { VolumePerBar = 5 }), Six());

        Assert.Equal([2, 2, 2], bars.TickCounts.ToArray());
        Assert.Equal([1.25, 2.00, 1.75], bars.BidClose.ToArray());
    }

    [Fact]
    public void VolumeBarBuilder_BidSideOnly_IgnoresAskVolumesAndNaN()
    {
        var bars = Run(new VolumeBarBuilder(new VolumeBarOptions { VolumePerBar = 4, Side = VolumeSide.Bid }), Six());

        Assert.Equal([2, 4], bars.TickCounts.ToArray());
        Assert.Equal([4.0, 7.0], bars.BidVolume.ToArray());
    }

    [Fact]
    public void DollarBarBuilder_EightMillionQuote_GivesHandComputedBars()
    {
        // Notional per tick = mid × (bid + ask volume): 3.75, 4.125, 3, 9, 8, 18.75 (millions of quote currency).
        var bars = Run(new DollarBarBuilder(new DollarBarOptions { NotionalPerBar = 8 }), Six());

        Assert.Equal([3, 1, 1, 1], bars.TickCounts.ToArray());
        Assert.Equal([T0 + (59 * Second), T0 + (2 * Minute), T0 + (150 * Second), T0 + (181 * Second)], bars.CloseTimes.ToArray());
        Assert.Equal([1.0, 2.25, 2.0, 1.875], bars.MidClose.ToArray());
    }

    [Fact]
    public void Flush_PartialActivityBar_IsEmittedOnceThenNothing()
    {
        var builder = new TickBarBuilder(new TickBarOptions { TicksPerBar = 4 });
        var bars = new BarColumns();

        Assert.Equal(1, builder.Add(Six(), bars));
        Assert.Equal(1, builder.Flush(bars));
        Assert.Equal(0, builder.Flush(bars));
        Assert.Equal([4, 2], bars.TickCounts.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(500)]
    public void Builders_RealHourInChunks_EqualWholeFeeding(int chunk)
    {
        var ticks = DukascopyCandleCrossCheckTests.DecodeTicks();
        Func<IBarBuilder>[] builders =
        [
            () => new TickBarBuilder(new TickBarOptions { TicksPerBar = 100 }),
            () => new VolumeBarBuilder(new VolumeBarOptions { VolumePerBar = 250 }),
            () => new DollarBarBuilder(new DollarBarOptions { NotionalPerBar = 300, Side = VolumeSide.Ask }),
        ];
        foreach (var create in builders)
        {
            var whole = Run(create(), ticks);
            Assert.True(whole.Count > 5);
            AssertIdentical(whole, Run(create(), ticks, chunk));
        }
    }

    [Fact]
    public void Constructors_BadThresholds_Throw()
    {
        Assert.Throws<MarketDataException>(() => new TickBarBuilder(new TickBarOptions { TicksPerBar = 0 }));
        var e = Assert.Throws<MarketDataException>(() => new VolumeBarBuilder(new VolumeBarOptions { VolumePerBar = double.NaN, Side = (VolumeSide)9 }));
        Assert.Contains("VolumePerBar", e.Message, StringComparison.Ordinal);
        Assert.Contains("Side", e.Message, StringComparison.Ordinal);
        Assert.Throws<MarketDataException>(() => new DollarBarBuilder(new DollarBarOptions { NotionalPerBar = -1 }));
    }
}
