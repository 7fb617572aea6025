namespace TickKernelExtensions.Backtesting.Statistics;

public sealed partial record BacktestStatistics
{
    /// <summary>
    /// The statistics of <paramref name="equity"/> and <paramref name="trades"/> (closed trades, any order). Pure and
    /// deterministic: the same inputs give equal results, bit for bit.
    /// </summary>
    /// <exception cref="StatisticsException">
    /// InvalidOptions naming every bad option; InvalidInput when the curve has fewer than two points, unordered times,
    /// a non-finite value or a start ≤ 0, or a trade exits before it enters, has lots ≤ 0 or a non-finite amount (row named).
    /// </exception>
    public static BacktestStatistics Compute(EquityCurve equity, IReadOnlyList<BacktestTrade> trades, StatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(equity);
        ArgumentNullException.ThrowIfNull(trades);
        options ??= StatisticsOptions.Default;
        options.Validate();
        var times = equity.Times;
        var values = equity.Equity;
        EquitySampler.Validate(times, values);
        ValidateTrades(trades);

        var p = options.PeriodsPerYear;
        var samples = EquitySampler.Sample(times, values, options);
        var n = samples.Length - 1;
        var returns = new double[n];
        for (var i = 0; i < n; i++)
        {
            returns[i] = (samples[i + 1] / samples[i]) - 1;
        }
        var riskFree = Math.Pow(1 + options.RiskFreeRate, 1 / p) - 1;
        var (mean, sampleStd, skew, kurt) = Moments(returns);
        var downside = DownsideDeviation(returns, riskFree);
        var excess = mean - riskFree;
        var sharpe = sampleStd > 0 ? excess / sampleStd * Math.Sqrt(p) : double.NaN;
        var sortino = downside > 0 ? excess / downside * Math.Sqrt(p) : excess > 0 ? double.PositiveInfinity : double.NaN;
        var growth = samples[^1] / samples[0];
        var annualized = growth > 0 ? Math.Pow(growth, p / n) - 1 : -1;
        var drawdown = Drawdowns.Measure(times, values);
        var calmar = drawdown.Fraction > 0 ? annualized / drawdown.Fraction : annualized > 0 ? double.PositiveInfinity : double.NaN;

        var periodSharpe = sharpe / Math.Sqrt(p);
        var psr = SharpeSignificance.ProbabilisticSharpe(periodSharpe, options.BenchmarkSharpe / Math.Sqrt(p), n, skew, kurt);
        double threshold = double.NaN, dsr = double.NaN;
        if (options.Trials is { } trials)
        {
            var periodThreshold = SharpeSignificance.ExpectedMaxSharpe(trials.Count, trials.Variance / p);
            threshold = periodThreshold * Math.Sqrt(p);
            dsr = SharpeSignificance.ProbabilisticSharpe(periodSharpe, periodThreshold, n, skew, kurt);
        }

        var trade = TradeFigures.Of(trades, times[0], times[^1], options);
        return new BacktestStatistics
        {
            Start = times[0],
            End = times[^1],
            StartEquity = values[0],
            EndEquity = values[^1],
            Periods = n,
            TotalReturn = (values[^1] / values[0]) - 1,
            AnnualizedReturn = annualized,
            AnnualizedVolatility = sampleStd * Math.Sqrt(p),
            Sharpe = sharpe,
            Sortino = sortino,
            Calmar = calmar,
            MaxDrawdown = drawdown.Fraction,
            MaxDrawdownAmount = drawdown.Amount,
            MaxDrawdownDuration = drawdown.Duration,
            MaxDrawdownRecovered = drawdown.Recovered,
            LongestDrawdownDuration = drawdown.Longest,
            Skewness = skew,
            Kurtosis = kurt,
            ProbabilisticSharpe = psr,
            DeflatedSharpeThreshold = threshold,
            DeflatedSharpe = dsr,
            TradeCount = trades.Count,
            Wins = trade.Wins,
            Losses = trade.Losses,
            WinRate = trade.WinRate,
            ProfitFactor = trade.ProfitFactor,
            Expectancy = trade.Expectancy,
            NetPnl = trade.NetPnl,
            MeanHolding = trade.MeanHolding,
            MedianHolding = trade.MedianHolding,
            MaxHolding = trade.MaxHolding,
            Exposure = trade.Exposure,
            Turnover = trade.Notional / samples.Average() / (n / p),
            Costs = trade.Costs,
            Options = options,
        };
    }

    /// <summary>Mean, sample standard deviation (n − 1) and the population skewness and kurtosis.</summary>
    private static (double Mean, double SampleStd, double Skewness, double Kurtosis) Moments(double[] r)
    {
        var n = r.Length;
        var mean = r.Average();
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var x in r)
        {
            var d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        var sampleStd = n > 1 ? Math.Sqrt(m2 / (n - 1)) : double.NaN;
        m2 /= n;
        m3 /= n;
        m4 /= n;
        return m2 > 0 ? (mean, sampleStd, m3 / Math.Pow(m2, 1.5), m4 / (m2 * m2)) : (mean, sampleStd, double.NaN, double.NaN);
    }

    /// <summary>√( (1/n) Σ min(0, rᵢ − target)² ).</summary>
    private static double DownsideDeviation(double[] r, double target)
    {
        var sum = 0.0;
        foreach (var x in r)
        {
            var d = Math.Min(0, x - target);
            sum += d * d;
        }
        return Math.Sqrt(sum / r.Length);
    }

    private static void ValidateTrades(IReadOnlyList<BacktestTrade> trades)
    {
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i] ?? throw StatisticsException.Input("A trade is null.", "trades", "a trade", "null", i);
            if (t.ExitTime < t.EntryTime)
            {
                throw StatisticsException.Input("A trade exits before it enters.", "trades.ExitTime",
                    $">= entry {StatisticsFormat.Time(t.EntryTime)}", StatisticsFormat.Time(t.ExitTime), i);
            }
            if (!(t.Lots > 0) || !double.IsFinite(t.Lots))
            {
                throw StatisticsException.Input("A trade's size must be positive.", "trades.Lots", "> 0", StatisticsFormat.Number(t.Lots), i);
            }
            foreach (var (name, value) in new[]
            {
                ("EntryPrice", t.EntryPrice), ("ExitPrice", t.ExitPrice), ("GrossPnl", t.GrossPnl), ("SpreadCost", t.SpreadCost),
                ("SlippageCost", t.SlippageCost), ("Commission", t.Commission), ("Swap", t.Swap),
            })
            {
                if (!double.IsFinite(value))
                {
                    throw StatisticsException.Input("A trade's amount is not finite.", $"trades.{name}", "a finite number", StatisticsFormat.Number(value), i);
                }
            }
        }
    }
}
