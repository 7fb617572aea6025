using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;
using static TickKernelExtensions.Tests.Processing.Cleaning.CleaningSamples;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

public sealed class TickCleanerStreamingTests
{
    /// <summary>
    /// A day with every kind of problem: spikes, a level shift, crossed quotes, repeats, NaN, zero prices, wide
    /// spreads, gaps, and disorder inside each 500-tick block (bronze hour files are internally ordered; the
    /// shuffle stresses the sort without crossing block boundaries).
    /// </summary>
    private static TickColumns Messy(int count, int seed)
    {
        var random = new Random(seed);
        var ticks = new TickColumns(count);
        var t = At(0, 5);
        var level = 1.09;
        for (var i = 0; i < count; i++)
        {
            t += random.Next(0, 4) == 0 ? 0 : random.Next(1, 800) * TickTime.MicrosPerMilli;
            if (i % 3_000 == 2_999)
            {
                t += 3 * TickTime.MicrosPerMilli * 60_000; // a three-minute hole
            }
            if (i % 4_000 == 3_999)
            {
                level += 0.004;
            }
            level += (random.NextDouble() - 0.5) * 0.00002;
            var bid = level;
            var ask = level + 0.00002 + (random.Next(50) == 0 ? 0.0004 : 0);
            switch (random.Next(200))
            {
                case 0: bid += 0.01; ask += 0.01; break;
                case 1: (bid, ask) = (ask, bid - 0.00001); break;
                case 2: bid = double.NaN; break;
                case 3: ask = 0; break;
            }
            ticks.Add(t, bid, ask, random.Next(3), random.Next(2) == 0 ? float.NaN : 1f);
            if (random.Next(100) == 0)
            {
                ticks.Add(t, bid, ask, ticks.BidVolumes[^1], ticks.AskVolumes[^1]);
            }
        }
        for (var block = 0; block < ticks.Count; block += 500)
        {
            var n = Math.Min(500, ticks.Count - block);
            for (var k = 0; k < 20; k++)
            {
                Swap(ticks, block + random.Next(n), block + random.Next(n));
            }
        }
        return ticks;
    }

    private static void Swap(TickColumns c, int a, int b)
    {
        (c.Timestamps[a], c.Timestamps[b]) = (c.Timestamps[b], c.Timestamps[a]);
        (c.Bids[a], c.Bids[b]) = (c.Bids[b], c.Bids[a]);
        (c.Asks[a], c.Asks[b]) = (c.Asks[b], c.Asks[a]);
        (c.BidVolumes[a], c.BidVolumes[b]) = (c.BidVolumes[b], c.BidVolumes[a]);
        (c.AskVolumes[a], c.AskVolumes[b]) = (c.AskVolumes[b], c.AskVolumes[a]);
    }

    public static TheoryData<int> ChunkSizes() => [500, 1_000, 7_500];

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void CleanChunk_DayInChunks_EqualsDayWhole(int chunkSize)
    {
        var input = Messy(20_000, seed: 7);
        var options = new TickCleaningOptions { Duplicates = CleaningPolicy.Flag };
        var (whole, wholeFlags, wholeReport) = TickCleaner.CleanDay("EURUSD", Day, input, options);

        var cleaner = TickCleaner.Create("EURUSD", Day, options);
        var output = new TickColumns();
        var flags = new List<TickFlags>();
        var chunk = new TickColumns(chunkSize);
        var buffer = new TickFlags[chunkSize];
        for (var start = 0; start < input.Count; start += chunkSize)
        {
            chunk.Clear();
            chunk.AddRange(input, start, Math.Min(chunkSize, input.Count - start));
            var appended = cleaner.CleanChunk(chunk, output, buffer);
            flags.AddRange(buffer[..appended]);
        }
        var report = cleaner.Complete();

        Assert.True(wholeReport.DroppedTicks > 300, $"the sample should exercise the drops, dropped {wholeReport.DroppedTicks}");
        Assert.True(wholeReport.FlaggedTicks > 300, $"the sample should exercise the flags, flagged {wholeReport.FlaggedTicks}");
        Assert.Equal(whole.Timestamps.ToArray(), output.Timestamps.ToArray());
        Assert.Equal(whole.Bids.ToArray(), output.Bids.ToArray());
        Assert.Equal(whole.Asks.ToArray(), output.Asks.ToArray());
        Assert.Equal(whole.BidVolumes.ToArray(), output.BidVolumes.ToArray());
        Assert.Equal(whole.AskVolumes.ToArray(), output.AskVolumes.ToArray());
        Assert.Equal(wholeFlags, flags);
        Assert.Equal(wholeReport.DroppedByReason, report.DroppedByReason);
        Assert.Equal(wholeReport.FlaggedByFlag, report.FlaggedByFlag);
        Assert.Equal(wholeReport.Gaps, report.Gaps);
        Assert.Equal(wholeReport.SpikeReanchors, report.SpikeReanchors);
        Assert.Equal(wholeReport.InputTicks, report.InputTicks);
    }

    [Fact]
    public void CleanDay_SameInputTwice_IdenticalOutput()
    {
        var first = TickCleaner.CleanDay("EURUSD", Day, Messy(5_000, seed: 3));
        var second = TickCleaner.CleanDay("EURUSD", Day, Messy(5_000, seed: 3));

        Assert.Equal(first.Ticks.Bids.ToArray(), second.Ticks.Bids.ToArray());
        Assert.Equal(first.Flags, second.Flags);
    }
}
