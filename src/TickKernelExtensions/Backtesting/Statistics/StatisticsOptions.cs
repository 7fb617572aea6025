using System.Globalization;

namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// How <see cref="BacktestStatistics.Compute"/> turns an equity curve into period returns and annualises them.
/// Immutable; <see cref="Validate"/> names every bad field in one message.
/// </summary>
public sealed record StatisticsOptions
{
    /// <summary>The defaults: daily returns sampled at 22:00 UTC on weekdays, 260 periods per year, risk-free rate 0.</summary>
    public static StatisticsOptions Default { get; } = new();

    /// <summary>
    /// The UTC time of day at which equity is sampled for period returns (default 22:00, the FX day's end at 17:00
    /// New York in summer; one hour after it in winter — a fixed UTC time keeps the grid independent of time zones).
    /// </summary>
    public TimeSpan SampleTimeOfDay { get; init; } = TimeSpan.FromHours(22);

    /// <summary>
    /// Leave out sample times falling on a Saturday or Sunday (default true): the FX market is closed, so weekend
    /// samples would add zero returns and shrink the volatility. Sunday evening's trading lands in Monday's return.
    /// </summary>
    public bool SkipWeekends { get; init; } = true;

    /// <summary>Return periods per year used to annualise (default 260 FX trading days; use 365 with <see cref="SkipWeekends"/> off).</summary>
    public double PeriodsPerYear { get; init; } = 260;

    /// <summary>Annual risk-free rate as a fraction (default 0), compounded to a per-period rate <c>(1 + rf)^(1/P) − 1</c>.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>The benchmark SR* of the probabilistic Sharpe ratio, annualised (default 0: "is the true Sharpe above zero?").</summary>
    public double BenchmarkSharpe { get; init; }

    /// <summary>The search behind the strategy for the deflated Sharpe ratio; null (default) leaves it NaN.</summary>
    public SharpeTrials? Trials { get; init; }

    /// <summary>Units of base currency per lot for the traded notional (default 100,000).</summary>
    public double LotSize { get; init; } = 100_000;

    /// <summary>
    /// Account-currency value of one unit of quote currency (default 1: the account is in the quote currency, e.g.
    /// EURUSD in a USD account). One rate for all trades: a portfolio of pairs quoted in several currencies gets an
    /// approximate turnover.
    /// </summary>
    public double QuoteToAccountRate { get; init; } = 1;

    /// <summary>Checks every field.</summary>
    /// <exception cref="StatisticsException">InvalidOptions naming every bad field.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (SampleTimeOfDay < TimeSpan.Zero || SampleTimeOfDay >= TimeSpan.FromDays(1))
        {
            errors.Add($"SampleTimeOfDay must be in [00:00, 24:00), was {SampleTimeOfDay.ToString("c", CultureInfo.InvariantCulture)}");
        }
        if (!(PeriodsPerYear > 0) || !double.IsFinite(PeriodsPerYear))
        {
            errors.Add($"PeriodsPerYear must be positive and finite, was {StatisticsFormat.Number(PeriodsPerYear)}");
        }
        if (!(RiskFreeRate > -1) || !double.IsFinite(RiskFreeRate))
        {
            errors.Add($"RiskFreeRate must be a finite fraction above -1, was {StatisticsFormat.Number(RiskFreeRate)}");
        }
        if (!double.IsFinite(BenchmarkSharpe))
        {
            errors.Add($"BenchmarkSharpe must be finite, was {StatisticsFormat.Number(BenchmarkSharpe)}");
        }
        if (Trials is { } t)
        {
            if (t.Count < 1)
            {
                errors.Add($"Trials.Count must be at least 1, was {t.Count}");
            }
            if (!(t.Variance >= 0) || !double.IsFinite(t.Variance))
            {
                errors.Add($"Trials.Variance must be finite and ≥ 0, was {StatisticsFormat.Number(t.Variance)}");
            }
        }
        if (!(LotSize > 0) || !double.IsFinite(LotSize))
        {
            errors.Add($"LotSize must be positive and finite, was {StatisticsFormat.Number(LotSize)}");
        }
        if (!(QuoteToAccountRate > 0) || !double.IsFinite(QuoteToAccountRate))
        {
            errors.Add($"QuoteToAccountRate must be positive and finite, was {StatisticsFormat.Number(QuoteToAccountRate)}");
        }
        if (errors.Count > 0)
        {
            throw new StatisticsException(StatisticsErrorKind.InvalidOptions, $"Invalid statistics options: {string.Join("; ", errors)}.");
        }
    }
}
