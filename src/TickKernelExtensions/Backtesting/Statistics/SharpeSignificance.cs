namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// Whether a Sharpe ratio is distinguishable from luck. Every Sharpe ratio here is <b>per period</b> (not annualised):
/// the mean excess return of one period over its standard deviation, as in the papers. <see cref="BacktestStatistics"/>
/// converts annualised inputs by dividing by √P.
/// </summary>
public static class SharpeSignificance
{
    /// <summary>The Euler–Mascheroni constant γ used by <see cref="ExpectedMaxSharpe"/>.</summary>
    public const double EulerMascheroni = 0.5772156649015329;

    /// <summary>
    /// The probabilistic Sharpe ratio (Bailey &amp; López de Prado 2012, "The Sharpe Ratio Efficient Frontier",
    /// J. of Risk 15(2), eq. 11): the probability that the true Sharpe ratio exceeds <paramref name="benchmark"/>,
    /// <code>PSR(SR*) = Φ( (SR̂ − SR*)·√(n − 1) / √(1 − γ₃·SR̂ + (γ₄ − 1)/4 · SR̂²) )</code>
    /// with n returns, γ₃ their skewness and γ₄ their kurtosis (not excess: 3 for normal returns).
    /// </summary>
    /// <returns>A probability in [0, 1]; NaN when n &lt; 2, an input is NaN, or the variance term is not positive.</returns>
    public static double ProbabilisticSharpe(double sharpe, double benchmark, int count, double skewness, double kurtosis)
    {
        if (count < 2 || double.IsNaN(sharpe) || double.IsNaN(benchmark) || double.IsNaN(skewness) || double.IsNaN(kurtosis))
        {
            return double.NaN;
        }
        var variance = 1 - (skewness * sharpe) + ((kurtosis - 1) / 4 * sharpe * sharpe);
        if (!(variance > 0))
        {
            return double.NaN;
        }
        return NormalDistribution.Cdf((sharpe - benchmark) * Math.Sqrt(count - 1) / Math.Sqrt(variance));
    }

    /// <summary>
    /// The expected maximum Sharpe ratio of <paramref name="trials"/> skill-less strategies whose Sharpe ratios have
    /// variance <paramref name="variance"/> (Bailey &amp; López de Prado 2014, "The Deflated Sharpe Ratio", J. of
    /// Portfolio Management 40(5), eq. 9 — the "false strategy" threshold):
    /// <code>SR₀* = √V · ( (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)) )</code>
    /// with γ the Euler–Mascheroni constant. One trial is no selection: 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one trial, or a negative or non-finite variance.</exception>
    public static double ExpectedMaxSharpe(int trials, double variance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        if (!(variance >= 0) || !double.IsFinite(variance))
        {
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "The variance of the trials' Sharpe ratios must be finite and ≥ 0.");
        }
        if (trials == 1)
        {
            return 0;
        }
        var n = (double)trials;
        return Math.Sqrt(variance) * (((1 - EulerMascheroni) * NormalDistribution.InverseCdf(1 - (1 / n)))
            + (EulerMascheroni * NormalDistribution.InverseCdf(1 - (1 / (n * Math.E)))));
    }

    /// <summary>
    /// The deflated Sharpe ratio (Bailey &amp; López de Prado 2014, eq. 10): the PSR against the threshold a search of
    /// <paramref name="trials"/> strategies reaches by luck, <c>DSR = PSR(SR₀*)</c> with SR₀* from
    /// <see cref="ExpectedMaxSharpe"/>. <paramref name="trialVariance"/> is in per-period units, like the Sharpe.
    /// </summary>
    public static double DeflatedSharpe(double sharpe, int count, double skewness, double kurtosis, int trials, double trialVariance) =>
        ProbabilisticSharpe(sharpe, ExpectedMaxSharpe(trials, trialVariance), count, skewness, kurtosis);

    /// <summary>
    /// <see cref="DeflatedSharpe(double, int, double, double, int, double)"/> with N and V taken from the trials'
    /// per-period Sharpe ratios (V with the n − 1 denominator).
    /// </summary>
    public static double DeflatedSharpe(double sharpe, int count, double skewness, double kurtosis, IReadOnlyList<double> trialSharpes)
    {
        ArgumentNullException.ThrowIfNull(trialSharpes);
        var trials = SharpeTrials.FromSharpes(trialSharpes);
        return DeflatedSharpe(sharpe, count, skewness, kurtosis, trials.Count, trials.Variance);
    }
}
