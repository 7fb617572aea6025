using TickKernelExtensions.Ingest.Simulation;

namespace TickKernelExtensions.Tests.Ingest.Simulation;

public sealed class SimRandomTests
{
    // Golden values from an independent Python implementation of FNV-1a, SplitMix64 and xoshiro256**
    // (the published reference algorithms); they pin the streams across machines and .NET versions.
    [Fact]
    public void StreamKeyAndFirstOutputs_MatchAnIndependentImplementation()
    {
        var symbol = SimRandom.SymbolKey("eurusd");
        Assert.Equal(0xdb336730c1b60001UL, symbol);
        Assert.Equal(0x0b7ba08394d81160UL, SimRandom.StreamKey(42, symbol, 0, RandomPurpose.Plan));

        var plan = SimRandom.For(42, symbol, 0, RandomPurpose.Plan);
        Assert.Equal(0xbcc7e351e5e9ab6bUL, plan.NextUInt64());
        Assert.Equal(0x9aef73752973c00dUL, plan.NextUInt64());
        Assert.Equal(0x1f2f019bd0215aafUL, plan.NextUInt64());

        var hour = SimRandom.For(42, symbol, 474_000, RandomPurpose.Ticks);
        Assert.Equal(0x17aae8aa67766864UL, hour.NextUInt64());
        Assert.Equal(0xee372e21ef1ce29bUL, hour.NextUInt64());
    }

    [Fact]
    public void For_AnyPartOfTheKeyChanged_DifferentStream()
    {
        var symbol = SimRandom.SymbolKey("EURUSD");
        var keys = new[]
        {
            SimRandom.StreamKey(42, symbol, 10, RandomPurpose.Ticks),
            SimRandom.StreamKey(43, symbol, 10, RandomPurpose.Ticks),
            SimRandom.StreamKey(42, SimRandom.SymbolKey("USDJPY"), 10, RandomPurpose.Ticks),
            SimRandom.StreamKey(42, symbol, 11, RandomPurpose.Ticks),
            SimRandom.StreamKey(42, symbol, 10, RandomPurpose.Plan),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void NextGaussian_ManyDraws_StandardNormalMoments()
    {
        var rng = new SimRandom(1);
        const int n = 200_000;
        double sum = 0, squares = 0, fourth = 0;
        for (var i = 0; i < n; i++)
        {
            var z = rng.NextGaussian();
            sum += z;
            squares += z * z;
            fourth += z * z * z * z;
        }

        Assert.InRange(sum / n, -0.01, 0.01);
        Assert.InRange(squares / n, 0.98, 1.02);
        Assert.InRange(fourth / n, 2.9, 3.1);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(7)]
    [InlineData(120)]
    [InlineData(5000)]
    public void NextPoisson_ManyDraws_MeanAndVarianceEqualLambda(double lambda)
    {
        var rng = new SimRandom(2);
        const int n = 20_000;
        var draws = Enumerable.Range(0, n).Select(_ => (double)rng.NextPoisson(lambda)).ToArray();
        var mean = draws.Average();
        var variance = draws.Sum(d => (d - mean) * (d - mean)) / (n - 1);

        Assert.InRange(mean, lambda - (5 * Math.Sqrt(lambda / n)), lambda + (5 * Math.Sqrt(lambda / n)));
        Assert.InRange(variance / lambda, 0.95, 1.05);
    }

    [Fact]
    public void NextBinomialHalfAndRare_ManyDraws_ExpectedMeans()
    {
        var rng = new SimRandom(3);
        const int n = 20_000;

        var half = Enumerable.Range(0, n).Average(_ => rng.NextBinomialHalf(1001));
        var rare = Enumerable.Range(0, n).Average(_ => rng.NextBinomialRare(4000, 0.0005));

        Assert.InRange(half, 500.5 - 0.6, 500.5 + 0.6);   // sd of the mean: 0.11
        Assert.InRange(rare, 2.0 - 0.06, 2.0 + 0.06);     // sd of the mean: 0.01
        Assert.Equal(0, rng.NextBinomialRare(4000, 0));
        Assert.Equal(7, rng.NextBinomialRare(7, 1));
    }

    [Fact]
    public void NextInt_SmallRange_UniformAndInRange()
    {
        var rng = new SimRandom(4);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[rng.NextInt(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void FillSortedUniforms_LargeSpan_SortedInUnitIntervalWithUniformMean()
    {
        var rng = new SimRandom(5);
        var values = new double[100_000];

        rng.FillSortedUniforms(values);

        Assert.True(values.Zip(values.Skip(1)).All(p => p.First <= p.Second));
        Assert.InRange(values[0], 0.0, 1e-3);
        Assert.InRange(values[^1], 1 - 1e-3, 0.9999999999999999);
        Assert.InRange(values.Average(), 0.497, 0.503);
        Assert.InRange(values[values.Length / 2], 0.49, 0.51);
    }

    [Fact]
    public void NextDistinctSorted_AnyCounts_DistinctSortedInRange()
    {
        var rng = new SimRandom(6);

        foreach (var (k, n) in new[] { (0, 0), (0, 5), (5, 5), (3, 10), (50, 100_000) })
        {
            var picks = rng.NextDistinctSorted(k, n);
            Assert.Equal(k, picks.Length);
            Assert.Equal(k, picks.Distinct().Count());
            Assert.Equal(picks.Order(), picks);
            Assert.All(picks, p => Assert.InRange(p, 0, n - 1));
        }
    }
}
