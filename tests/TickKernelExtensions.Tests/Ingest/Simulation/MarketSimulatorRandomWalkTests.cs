using TickKernelExtensions.Ingest.Simulation;

namespace TickKernelExtensions.Tests.Ingest.Simulation;

public sealed class MarketSimulatorRandomWalkTests
{
    private static MarketSimulator Walk(params string[] symbols) =>
        new(SimulationAssert.Small(symbols) with { Mode = SimulationMode.RandomWalk, TickRateScale = 0.05 });

    [Fact]
    public void Manifest_RandomWalk_NoBadTicksMissingHoursOrRegimes()
    {
        var sim = Walk("EURUSD", "BTCUSD");

        foreach (var truth in sim.Manifest.Symbols)
        {
            Assert.Equal(0, truth.Spikes);
            Assert.Equal(0, truth.CrossedQuotes);
            Assert.Empty(truth.MissingHours);
            Assert.Empty(truth.Regimes);
            foreach (var hour in sim.GenerateSymbol(truth.Symbol))
            {
                Assert.NotEqual(HourStatus.Missing, hour.Status);
                Assert.Null(hour.Regime);
                Assert.Empty(hour.SpikeIndices);
                Assert.Empty(hour.CrossedQuoteIndices);
            }
        }
    }

    [Fact]
    public void GenerateSymbol_RandomWalk_ConstantSpreadAndFairCoinSteps()
    {
        var sim = Walk("EURUSD", "USDJPY", "BTCUSD");

        foreach (var instrument in sim.Instruments)
        {
            var bids = new List<long>();
            var spreads = new HashSet<long>();
            foreach (var hour in sim.GenerateSymbol(instrument.Symbol))
            {
                for (var i = 0; i < hour.Ticks.Count; i++)
                {
                    var bid = instrument.ToPoints(hour.Ticks.Bids[i]);
                    bids.Add(bid);
                    spreads.Add(instrument.ToPoints(hour.Ticks.Asks[i]) - bid);
                }
            }
            Assert.Single(spreads);
            Assert.True(spreads.Single() >= 1);

            // Every move, across hours and weekends too, is exactly +step or -step.
            var moves = bids.Zip(bids.Skip(1), (a, b) => b - a).ToArray();
            var step = Math.Abs(moves[0]);
            Assert.All(moves, m => Assert.Equal(step, Math.Abs(m)));

            var signs = moves.Select(m => (double)Math.Sign(m)).ToArray();
            var n = signs.Length;
            var bound = 4.5 / Math.Sqrt(n);
            Assert.InRange(signs.Average(), -bound, bound);
            for (var lag = 1; lag <= 5; lag++)
            {
                var autocorrelation = Enumerable.Range(lag, n - lag).Sum(i => signs[i] * signs[i - lag]) / (n - lag);
                Assert.True(Math.Abs(autocorrelation) < bound, $"{instrument}: lag-{lag} autocorrelation {autocorrelation:F4} over {n} moves");
            }
        }
    }

    [Fact]
    public void GenerateSymbol_RandomWalk_PoissonCountsWithoutSeasonality()
    {
        var sim = Walk("EURUSD");
        var profile = sim.Manifest.For("EURUSD").Profile;
        var lambda = profile.TicksPerSecond * sim.Options.TickRateScale * 3600;
        var counts = sim.GenerateSymbol("EURUSD").Where(h => h.Status == HourStatus.Trading)
            .Select(h => (h.HourStartUtc.Hour, Count: (double)h.Ticks.Count)).ToList();

        var mean = counts.Average(c => c.Count);
        var dispersion = counts.Sum(c => (c.Count - mean) * (c.Count - mean)) / (counts.Count - 1) / mean;
        Assert.InRange(mean, lambda - (5 * Math.Sqrt(lambda / counts.Count)), lambda + (5 * Math.Sqrt(lambda / counts.Count)));
        Assert.InRange(dispersion, 0.7, 1.3);

        var overlap = counts.Where(c => c.Hour is >= 13 and < 16).Average(c => c.Count);
        var asia = counts.Where(c => c.Hour is >= 1 and < 6).Average(c => c.Count);
        Assert.InRange(overlap / asia, 0.93, 1.07);
    }
}
