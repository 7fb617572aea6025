namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// The statistics of one backtest (or one walk-forward fold), from its equity curve and closed trades. Built by
/// <see cref="Compute"/>; every formula is documented on its property. Money is in account currency, times in UTC µs.
/// </summary>
/// <remarks>
/// <para><b>Period returns.</b> Risk statistics use returns between equity samples: the curve's first point, then
/// every <see cref="StatisticsOptions.SampleTimeOfDay"/> strictly between the first and last point (weekends left out by
/// default), then the last point. The equity at a sample time is that of the last curve point at or before it. With
/// equity E₀…Eₙ the returns are rᵢ = Eᵢ/Eᵢ₋₁ − 1 (n = <see cref="Periods"/>); the first and last period may be partial.
/// If equity reaches ≤ 0 the samples stop there (ruin: later returns are undefined).</para>
/// <para><b>Undefined values</b> are NaN, never 0: a ratio over a zero spread (flat equity) has no meaning, and 0 would
/// read as "no skill".</para>
/// </remarks>
[Microsoft.DotNet.Interactive.Formatting.TypeFormatterSource(typeof(Display.ResultFormatterSource<BacktestStatistics>), PreferredMimeTypes = ["text/html"])]
public sealed partial record BacktestStatistics
{
    /// <summary>Time of the curve's first point, UTC µs.</summary>
    public required long Start { get; init; }

    /// <summary>Time of the curve's last point, UTC µs.</summary>
    public required long End { get; init; }

    /// <summary>Equity at the first point (normally the initial equity).</summary>
    public required double StartEquity { get; init; }

    /// <summary>Equity at the last point.</summary>
    public required double EndEquity { get; init; }

    /// <summary>Number of period returns n.</summary>
    public required int Periods { get; init; }

    /// <summary>End / start − 1.</summary>
    public required double TotalReturn { get; init; }

    /// <summary>Geometric, on the period count: <c>(E_end / E_start)^(P/n) − 1</c>, P = periods per year (−1 after ruin).</summary>
    public required double AnnualizedReturn { get; init; }

    /// <summary>Sample standard deviation of the period returns (n − 1 denominator) × √P; NaN with fewer than 2 returns.</summary>
    public required double AnnualizedVolatility { get; init; }

    /// <summary>
    /// <c>(mean(r) − r_f) / s(r) · √P</c>, s with the n − 1 denominator, r_f = (1 + RiskFreeRate)^(1/P) − 1 per period
    /// (Sharpe 1994, annualised as backtesting.py and LEAN do). NaN when s = 0 (flat equity) or n &lt; 2.
    /// </summary>
    public required double Sharpe { get; init; }

    /// <summary>
    /// <c>(mean(r) − r_f) / DD · √P</c> with the target downside deviation DD = √( (1/n) Σ min(0, rᵢ − r_f)² ) over
    /// all n periods (Sortino &amp; Price 1994; Rollinger &amp; Hoffman 2013, "Sortino: a 'sharper' ratio"). When
    /// DD = 0 (no period below r_f): +∞ if the mean excess return is positive, else NaN.
    /// </summary>
    public required double Sortino { get; init; }

    /// <summary>
    /// <see cref="AnnualizedReturn"/> / <see cref="MaxDrawdown"/> (Young 1991, over the whole backtest rather than 36
    /// months). Without a drawdown: +∞ if the annualised return is positive, else NaN.
    /// </summary>
    public required double Calmar { get; init; }

    /// <summary>Largest fall from a running peak as a fraction of that peak, <c>max (peak − E)/peak</c>, over every curve point (not only samples).</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>Largest fall from a running peak in account currency, <c>max (peak − E)</c>; may be another episode than <see cref="MaxDrawdown"/>'s.</summary>
    public required double MaxDrawdownAmount { get; init; }

    /// <summary>
    /// Duration of the <see cref="MaxDrawdown"/> episode: from its peak to the first later point at or above the peak
    /// (recovery), or to the curve's last point when it never recovered (<see cref="MaxDrawdownRecovered"/> false).
    /// Zero without a drawdown.
    /// </summary>
    public required TimeSpan MaxDrawdownDuration { get; init; }

    /// <summary>Whether the equity got back to the peak before the <see cref="MaxDrawdown"/> episode (true without a drawdown).</summary>
    public required bool MaxDrawdownRecovered { get; init; }

    /// <summary>The longest time under water of any episode, measured as <see cref="MaxDrawdownDuration"/> is.</summary>
    public required TimeSpan LongestDrawdownDuration { get; init; }

    /// <summary>Skewness γ₃ = m₃ / m₂^1.5 of the period returns (population moments, m_k = (1/n) Σ (rᵢ − r̄)^k); NaN when m₂ = 0.</summary>
    public required double Skewness { get; init; }

    /// <summary>Kurtosis γ₄ = m₄ / m₂² of the period returns (not excess: 3 for a normal distribution); NaN when m₂ = 0.</summary>
    public required double Kurtosis { get; init; }

    /// <summary>
    /// PSR(SR*) (<see cref="SharpeSignificance.ProbabilisticSharpe"/>) of the per-period Sharpe <c>Sharpe/√P</c>
    /// against <see cref="StatisticsOptions.BenchmarkSharpe"/>/√P, with n, γ₃ and γ₄ of the period returns.
    /// </summary>
    public required double ProbabilisticSharpe { get; init; }

    /// <summary>The annualised threshold SR₀*·√P the trials reach by luck (<see cref="SharpeSignificance.ExpectedMaxSharpe"/>); NaN without trials.</summary>
    public required double DeflatedSharpeThreshold { get; init; }

    /// <summary>DSR = PSR(SR₀*) (<see cref="SharpeSignificance.DeflatedSharpe(double, int, double, double, int, double)"/>); NaN without <see cref="StatisticsOptions.Trials"/>.</summary>
    public required double DeflatedSharpe { get; init; }

    /// <summary>Number of closed trades.</summary>
    public required int TradeCount { get; init; }

    /// <summary>Trades whose net P&amp;L is &gt; 0.</summary>
    public required int Wins { get; init; }

    /// <summary>Trades whose net P&amp;L is &lt; 0 (a trade at exactly 0 is neither).</summary>
    public required int Losses { get; init; }

    /// <summary>Wins / trades (break-even trades count in the denominator); NaN without trades.</summary>
    public required double WinRate { get; init; }

    /// <summary>
    /// Σ net P&amp;L of winners / |Σ net P&amp;L of losers|. No losers: +∞ when there are winners, NaN when there are
    /// neither (no trades, or all break-even). 0 when there are losers and no winners.
    /// </summary>
    public required double ProfitFactor { get; init; }

    /// <summary>Mean net P&amp;L per trade in account currency; NaN without trades.</summary>
    public required double Expectancy { get; init; }

    /// <summary>Σ net P&amp;L of the trades.</summary>
    public required double NetPnl { get; init; }

    /// <summary>Mean holding time (exit − entry); null without trades.</summary>
    public required TimeSpan? MeanHolding { get; init; }

    /// <summary>Median holding time (mean of the middle two for an even count); null without trades.</summary>
    public required TimeSpan? MedianHolding { get; init; }

    /// <summary>Longest holding time; null without trades.</summary>
    public required TimeSpan? MaxHolding { get; init; }

    /// <summary>
    /// Fraction of the curve's time span with at least one open position: the trades' [entry, exit] intervals clipped
    /// to the span and merged (overlapping positions count once), over end − start.
    /// </summary>
    public required double Exposure { get; init; }

    /// <summary>
    /// Traded notional per year over average equity: Σ over trades of lots × lot size × (entry price + exit price) ×
    /// quote-to-account rate (both legs), divided by the mean of the sampled equities E₀…Eₙ, divided by the years
    /// n/P. 2.0 means the account traded twice its equity per year, each leg counted.
    /// </summary>
    public required double Turnover { get; init; }

    /// <summary>Spread, commission, slippage and swap totals and their share of the gross P&amp;L.</summary>
    public required CostBreakdown Costs { get; init; }

    /// <summary>The options the statistics were computed with.</summary>
    public required StatisticsOptions Options { get; init; }
}
