namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// The search that produced the strategy, for the deflated Sharpe ratio: how many independent configurations were tried
/// and the variance of their <b>annualised</b> Sharpe ratios (converted to per-period units with the statistics' periods
/// per year). Count every trial the optimiser ran, not only the ones kept.
/// </summary>
/// <param name="Count">Number of trials N (≥ 1; 1 means no selection, so the threshold is 0).</param>
/// <param name="Variance">Variance of the trials' annualised Sharpe ratios (≥ 0).</param>
public sealed record SharpeTrials(int Count, double Variance)
{
    /// <summary>The trials from their annualised Sharpe ratios: N = the count, variance with the n − 1 denominator (0 for one trial).</summary>
    /// <exception cref="StatisticsException">InvalidInput: no Sharpe ratios, or one that is not finite (index named).</exception>
    public static SharpeTrials FromSharpes(IReadOnlyList<double> annualizedSharpes)
    {
        ArgumentNullException.ThrowIfNull(annualizedSharpes);
        if (annualizedSharpes.Count == 0)
        {
            throw StatisticsException.Input("The trials need at least one Sharpe ratio.", "annualizedSharpes", "at least 1 value", "0");
        }
        for (var i = 0; i < annualizedSharpes.Count; i++)
        {
            if (!double.IsFinite(annualizedSharpes[i]))
            {
                throw StatisticsException.Input("A trial's Sharpe ratio is not finite.", "annualizedSharpes", "a finite number",
                    StatisticsFormat.Number(annualizedSharpes[i]), i);
            }
        }
        var n = annualizedSharpes.Count;
        var mean = annualizedSharpes.Average();
        var variance = n < 2 ? 0.0 : annualizedSharpes.Sum(s => (s - mean) * (s - mean)) / (n - 1);
        return new SharpeTrials(n, variance);
    }
}
