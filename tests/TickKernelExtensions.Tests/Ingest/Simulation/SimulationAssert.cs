using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Simulation;

/// <summary>Shared checks and small options for the simulator tests.</summary>
internal static class SimulationAssert
{
    /// <summary>Small but complete: the default three weeks at 2 % of the tick rate.</summary>
    public static MarketSimulatorOptions Small(params string[] symbols) => new()
    {
        Symbols = symbols.Length == 0 ? MarketSimulatorOptions.DefaultSymbols : symbols,
        TickRateScale = 0.02,
    };

    public static void SameTicks(TickColumns expected, TickColumns actual, string because)
    {
        Assert.True(expected.Count == actual.Count, $"{because}: {expected.Count} ticks vs {actual.Count}");
        Assert.True(expected.Timestamps.SequenceEqual(actual.Timestamps), because + ": timestamps differ");
        Assert.True(expected.Bids.SequenceEqual(actual.Bids), because + ": bids differ");
        Assert.True(expected.Asks.SequenceEqual(actual.Asks), because + ": asks differ");
        Assert.True(expected.BidVolumes.SequenceEqual(actual.BidVolumes), because + ": bid volumes differ");
        Assert.True(expected.AskVolumes.SequenceEqual(actual.AskVolumes), because + ": ask volumes differ");
    }

    public static void SameHour(SimulatedHour expected, SimulatedHour actual)
    {
        var because = expected.ToString();
        Assert.Equal(expected.HourStartUtc, actual.HourStartUtc);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Regime, actual.Regime);
        SameTicks(expected.Ticks, actual.Ticks, because);
        Assert.Equal(expected.SpikeIndices, actual.SpikeIndices);
        Assert.Equal(expected.CrossedQuoteIndices, actual.CrossedQuoteIndices);
    }

    /// <summary>Mid prices of a batch.</summary>
    public static double[] Mids(TickColumns ticks)
    {
        var mids = new double[ticks.Count];
        for (var i = 0; i < mids.Length; i++)
        {
            mids[i] = (ticks.Bids[i] + ticks.Asks[i]) / 2;
        }
        return mids;
    }
}
