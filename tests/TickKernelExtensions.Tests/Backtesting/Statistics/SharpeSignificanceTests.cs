using TickKernelExtensions.Backtesting.Statistics;

namespace TickKernelExtensions.Tests.Backtesting.Statistics;

public sealed class SharpeSignificanceTests
{
    [Fact]
    public void ProbabilisticSharpe_SkewedFatTailedReturns_MatchesTheFormulaByHand()
    {
        // SR̂ = 0.1, SR* = 0, n = 100, γ₃ = −0.5, γ₄ = 5:
        // 1 − (−0.5)(0.1) + (5 − 1)/4·0.01 = 1 + 0.05 + 0.01 = 1.06; z = 0.1·√99/√1.06 = 0.9949874/1.0295630 = 0.9664172;
        // Φ(0.9664172) = 0.8330823 (Python statistics.NormalDist().cdf).
        Assert.Equal(0.8330822773316748, SharpeSignificance.ProbabilisticSharpe(0.1, 0, 100, -0.5, 5), 1e-12);
    }

    [Fact]
    public void ProbabilisticSharpe_AtTheBenchmark_IsOneHalf() =>
        Assert.Equal(0.5, SharpeSignificance.ProbabilisticSharpe(0.2, 0.2, 50, 0, 3), 1e-15);

    [Fact]
    public void ProbabilisticSharpe_TooFewReturnsOrNegativeVarianceTerm_IsNaN()
    {
        Assert.True(double.IsNaN(SharpeSignificance.ProbabilisticSharpe(0.1, 0, 1, 0, 3)));
        // 1 − 5·1 + (3 − 1)/4·1 = −3.5 < 0.
        Assert.True(double.IsNaN(SharpeSignificance.ProbabilisticSharpe(1, 0, 10, 5, 3)));
    }

    [Fact]
    public void ExpectedMaxSharpe_TenTrials_MatchesTheFormulaByHand()
    {
        // √0.01·((1 − 0.5772157)·Φ⁻¹(0.9) + 0.5772157·Φ⁻¹(1 − 1/(10e)))
        // = 0.1·(0.4227843·1.2815516 + 0.5772157·1.7892418) = 0.1·(0.5418248 + 1.0327751) = 0.1574598.
        Assert.Equal(0.157459830134575, SharpeSignificance.ExpectedMaxSharpe(10, 0.01), 1e-9);
        Assert.Equal(0, SharpeSignificance.ExpectedMaxSharpe(1, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => SharpeSignificance.ExpectedMaxSharpe(0, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => SharpeSignificance.ExpectedMaxSharpe(3, -1));
    }

    [Fact]
    public void DeflatedSharpe_TenTrials_IsThePsrAgainstTheExpectedMaximum()
    {
        // SR̂ = 0.2, n = 253, normal returns (γ₃ = 0, γ₄ = 3), SR₀* = 0.1574598 from ten trials with V = 0.01:
        // z = (0.2 − 0.1574598)·√252/√(1 + 0.5·0.04) = 0.0425402·15.8745079/1.0099505 = 0.6686509; Φ(z) = 0.7481409.
        Assert.Equal(0.7481408879911641, SharpeSignificance.DeflatedSharpe(0.2, 253, 0, 3, 10, 0.01), 1e-9);
    }

    [Fact]
    public void DeflatedSharpe_FromTrialSharpes_UsesTheirCountAndSampleVariance()
    {
        // Sharpes 0.0, 0.1, 0.2: mean 0.1, variance (0.01 + 0 + 0.01)/2 = 0.01, N = 3.
        double[] trials = [0.0, 0.1, 0.2];

        Assert.Equal(SharpeSignificance.DeflatedSharpe(0.2, 253, 0, 3, 3, 0.01),
            SharpeSignificance.DeflatedSharpe(0.2, 253, 0, 3, trials), 1e-12);
        var fromSharpes = SharpeTrials.FromSharpes(trials);
        Assert.Equal(3, fromSharpes.Count);
        Assert.Equal(0.01, fromSharpes.Variance, 1e-15);
    }

    [Theory]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.9, 1.2815515655446008)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(1e-10, -6.361340902404056)]
    public void InverseCdf_KnownQuantiles_AgreeWithPython(double p, double expected)
    {
        Assert.Equal(expected, NormalDistribution.InverseCdf(p), 1e-12);
        Assert.Equal(1, NormalDistribution.Cdf(NormalDistribution.InverseCdf(p)) / p, 1e-13);
    }

    [Theory]
    [InlineData(-5.0, 2.866515718791946e-07)]
    [InlineData(-3.5, 0.00023262907903552504)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.6914624612740131)]
    [InlineData(2.9, 0.998134186699616)]
    [InlineData(3.1, 0.9990323967867817)]
    [InlineData(6.0, 0.9999999990134123)]
    // Expected: Python's 0.5·math.erfc(−x/√2); statistics.NormalDist().cdf uses erf and loses digits in the lower tail.
    public void Cdf_SeriesAndTail_AgreeWithErfcToRelative1e13(double x, double expected) =>
        Assert.Equal(1, NormalDistribution.Cdf(x) / expected, 1e-13);
}
