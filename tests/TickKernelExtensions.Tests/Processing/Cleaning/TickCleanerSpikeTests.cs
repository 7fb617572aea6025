using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;
using static TickKernelExtensions.Tests.Processing.Cleaning.CleaningSamples;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

public sealed class TickCleanerSpikeTests
{
    /// <summary>300 quiet ticks with tick 150 replaced by a 50-pip print that reverts at once.</summary>
    private static TickColumns WithPlantedSpike()
    {
        var input = Quiet(300);
        input.Bids[150] += 0.005;
        input.Asks[150] += 0.005;
        return input;
    }

    /// <summary>300 quiet ticks, then from tick 150 the whole stream 30 pips higher: a real move.</summary>
    private static TickColumns WithLevelShift()
    {
        var input = Quiet(300);
        for (var i = 150; i < 300; i++)
        {
            input.Bids[i] += 0.003;
            input.Asks[i] += 0.003;
        }
        return input;
    }

    [Fact]
    public void CleanChunk_PlantedSpike_FlaggedAndNeighboursClean()
    {
        var (ticks, flags, report) = Clean(WithPlantedSpike());

        Assert.Equal(300, ticks.Count);
        Assert.Equal(TickFlags.Spike, flags[150]);
        Assert.Equal(1, report.Flagged(TickFlags.Spike));
        Assert.Equal(1, report.FlaggedTicks);
        Assert.Equal(0, report.SpikeReanchors);
    }

    [Fact]
    public void CleanChunk_PlantedSpikeUnderDrop_DroppedAsSpike()
    {
        var (ticks, _, report) = Clean(WithPlantedSpike(), new TickCleaningOptions { Spikes = CleaningPolicy.Drop });

        Assert.Equal(299, ticks.Count);
        Assert.Equal(1, report.Dropped(TickDropReason.Spike));
        Assert.DoesNotContain(ticks.Bids.ToArray(), b => b > 1.095);
    }

    [Fact]
    public void CleanChunk_RealLevelShift_FlagsOnlyUntilReanchored()
    {
        var options = TickCleaningOptions.Default;

        var (ticks, flags, report) = Clean(WithLevelShift(), options);

        Assert.Equal(300, ticks.Count);
        // The first ReanchorAfter - 1 ticks of the new level are flagged; from then on the filter follows it.
        Assert.Equal(options.SpikeReanchorAfter - 1, report.Flagged(TickFlags.Spike));
        Assert.All(flags[..150], f => Assert.Equal(TickFlags.None, f));
        Assert.All(flags[(150 + options.SpikeReanchorAfter - 1)..], f => Assert.Equal(TickFlags.None, f));
        Assert.Equal(1, report.SpikeReanchors);
    }

    [Fact]
    public void CleanChunk_SpikeAfterLevelShift_StillCaught()
    {
        var input = WithLevelShift();
        input.Bids[250] -= 0.006;
        input.Asks[250] -= 0.006;

        var (_, flags, _) = Clean(input);

        Assert.Equal(TickFlags.Spike, flags[250]);
    }

    [Fact]
    public void CleanChunk_SpikeRightAfterReanchor_StillCaught()
    {
        var options = TickCleaningOptions.Default;
        var input = WithLevelShift();
        var soon = 150 + options.SpikeReanchorAfter + 1;
        input.Bids[soon] += 0.006;
        input.Asks[soon] += 0.006;

        var (_, flags, _) = Clean(input, options);

        Assert.Equal(TickFlags.Spike, flags[soon]);
        Assert.Equal(TickFlags.None, flags[soon + 1]);
    }

    [Fact]
    public void CleanChunk_ScatteredBadPrintsOnOneSide_NeverReanchor()
    {
        // Five bad prints in a row, far apart from each other: not a level, so no re-anchoring.
        var input = Quiet(300);
        for (var i = 0; i < 5; i++)
        {
            input.Bids[150 + i] += 0.003 * (i + 1);
            input.Asks[150 + i] += 0.003 * (i + 1);
        }

        var (_, flags, report) = Clean(input);

        Assert.Equal(5, report.Flagged(TickFlags.Spike));
        Assert.Equal(0, report.SpikeReanchors);
        Assert.All(flags[155..], f => Assert.Equal(TickFlags.None, f));
    }

    [Fact]
    public void CleanChunk_FlatQuotesThenOnePipMove_NotASpike()
    {
        // Zero MAD: the relative floor keeps a one-pip step from being called a spike.
        var input = new TickColumns();
        for (var i = 0; i < 100; i++)
        {
            input.Add(At(10) + (i * TickTime.MicrosPerMilli), 1.09, 1.09002, 1f, 1f);
        }
        input.Add(At(10, 0, 1), 1.0901, 1.09012, 1f, 1f);

        var (_, flags, _) = Clean(input);

        Assert.Equal(TickFlags.None, flags[^1]);
    }
}
