using TickKernelExtensions.Ingest.Simulation;

namespace TickKernelExtensions.Tests.Ingest.Simulation;

public sealed class MarketSimulatorPlantedEdgeTests
{
    private static MarketSimulator Sim(SimulationMode mode) =>
        new(SimulationAssert.Small("EURUSD") with { Mode = mode, TickRateScale = 0.2, EndUtc = new DateTime(2024, 3, 9, 0, 0, 0, DateTimeKind.Utc) });

    [Fact]
    public void GenerateSymbol_PlantedEdge_SameArrivalsAndHourBoundariesAsTheWalk()
    {
        var walk = Sim(SimulationMode.RandomWalk).GenerateSymbol("EURUSD").ToList();
        var edge = Sim(SimulationMode.PlantedEdge).GenerateSymbol("EURUSD").ToList();

        Assert.Equal(walk.Count, edge.Count);
        for (var h = 0; h < walk.Count; h++)
        {
            Assert.Equal(walk[h].Ticks.Count, edge[h].Ticks.Count);
            Assert.True(walk[h].Ticks.Timestamps.SequenceEqual(edge[h].Ticks.Timestamps));
            if (walk[h].Ticks.Count > 0)
            {
                // The hour ends at the planned close, so the paths join up exactly as the walk's do.
                Assert.Equal(walk[h].Ticks.Bids[^1], edge[h].Ticks.Bids[^1]);
                Assert.Null(edge[h].Regime);
            }
        }
    }

    [Fact]
    public void GenerateSymbol_PlantedEdge_StepsFollowTheFiveMinuteMove()
    {
        var edge = Agreement(SimulationMode.PlantedEdge);
        var walk = Agreement(SimulationMode.RandomWalk);

        // The walk's steps agree with the last 5 minutes' direction half the time; the edge's about 0.5 + k.
        Assert.InRange(walk, 0.49, 0.51);
        Assert.InRange(edge, 0.5 + (MarketSimulator.PlantedEdgeStrength * 0.6), 0.5 + (MarketSimulator.PlantedEdgeStrength * 1.4));
    }

    private static double Agreement(SimulationMode mode)
    {
        int agree = 0, total = 0;
        var lookback = (long)MarketSimulator.PlantedEdgeLookback.TotalMicroseconds;
        foreach (var hour in Sim(mode).GenerateSymbol("EURUSD"))
        {
            var ts = hour.Ticks.Timestamps;
            var bids = hour.Ticks.Bids;
            var reference = -1;
            for (var i = 1; i < hour.Ticks.Count; i++)
            {
                while (reference + 1 < i && ts[reference + 1] <= ts[i] - lookback)
                {
                    reference++;
                }
                if (reference < 0 || bids[i - 1] == bids[reference])
                {
                    continue;
                }
                total++;
                agree += Math.Sign(bids[i] - bids[i - 1]) == Math.Sign(bids[i - 1] - bids[reference]) ? 1 : 0;
            }
        }
        return (double)agree / total;
    }
}
