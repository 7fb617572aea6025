using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Statistics;
using TickKernelExtensions.Modeling.Labels;
using static TickKernelExtensions.Tests.Backtesting.Statistics.StatisticsSamples;

namespace TickKernelExtensions.Tests.Backtesting.Statistics;

public sealed class BacktestStatisticsTests
{
    private const double Tol = 1e-9;

    [Fact]
    public void Compute_FiveDailyCloses_ReturnsRiskAndDrawdownAsHandComputed()
    {
        // P = 4 periods per year so that the 4 returns are exactly one year and the annualised return is the total.
        var options = new StatisticsOptions { PeriodsPerYear = 4 };

        var s = BacktestStatistics.Compute(FiveDays(), [], options);

        // Samples: Mon 22:00 (first point), Tue, Wed, Thu 22:00 (grid), Fri 22:00 (last point) → n = 4 returns
        // r = 110/100 − 1, 99/110 − 1, 108.9/99 − 1, 119.79/108.9 − 1 = +0.1, −0.1, +0.1, +0.1.
        Assert.Equal(4, s.Periods);
        // Total = 119.79/100 − 1 = 0.1979; annualised = 1.1979^(4/4) − 1 = 0.1979.
        Assert.Equal(0.1979, s.TotalReturn, Tol);
        Assert.Equal(0.1979, s.AnnualizedReturn, Tol);
        // mean = 0.05; deviations 0.05, −0.15, 0.05, 0.05; Σd² = 3·0.0025 + 0.0225 = 0.03; s² = 0.03/3 = 0.01; s = 0.1.
        // Volatility = 0.1·√4 = 0.2; Sharpe = 0.05/0.1·√4 = 1.0.
        Assert.Equal(0.2, s.AnnualizedVolatility, Tol);
        Assert.Equal(1.0, s.Sharpe, Tol);
        // Downside: min(0, r) = 0, −0.1, 0, 0; DD = √(0.01/4) = 0.05; Sortino = 0.05/0.05·√4 = 2.0.
        Assert.Equal(2.0, s.Sortino, Tol);
        // Drawdown: peak 110 → 99: 11/110 = 0.1 (amount 11); back above 110 at Fri 22:00: Tue 22:00 → Fri 22:00 = 3 days.
        Assert.Equal(0.1, s.MaxDrawdown, Tol);
        Assert.Equal(11, s.MaxDrawdownAmount, Tol);
        Assert.Equal(TimeSpan.FromDays(3), s.MaxDrawdownDuration);
        Assert.True(s.MaxDrawdownRecovered);
        Assert.Equal(TimeSpan.FromDays(3), s.LongestDrawdownDuration);
        // Calmar = 0.1979/0.1 = 1.979.
        Assert.Equal(1.979, s.Calmar, Tol);
        // m₂ = 0.03/4 = 0.0075; m₃ = (3·0.05³ + (−0.15)³)/4 = (0.000375 − 0.003375)/4 = −0.00075;
        // γ₃ = −0.00075/0.0075^1.5 = −2/√3 = −1.1547005; m₄ = (3·0.05⁴ + 0.15⁴)/4 = 0.000525/4 = 0.00013125; γ₄ = 0.00013125/0.0075² = 7/3.
        Assert.Equal(-2 / Math.Sqrt(3), s.Skewness, Tol);
        Assert.Equal(7.0 / 3, s.Kurtosis, Tol);
        // PSR(0): SR̂ = 1.0/√4 = 0.5 per period; 1 − γ₃·SR̂ + (γ₄ − 1)/4·SR̂² = 1 + 0.5773503 + (4/3)/4·0.25 = 1.6606836;
        // z = 0.5·√3/√1.6606836 = 0.8660254/1.2886751 = 0.6720277; Φ(z) = 0.7492170 (Python statistics.NormalDist().cdf).
        Assert.Equal(0.7492169731438866, s.ProbabilisticSharpe, 1e-12);
        Assert.True(double.IsNaN(s.DeflatedSharpe));
    }

    [Fact]
    public void Compute_BenchmarkAndTrials_GivePsrAgainstBenchmarkAndDeflatedSharpe()
    {
        var options = new StatisticsOptions { PeriodsPerYear = 4, BenchmarkSharpe = 0.4, Trials = new SharpeTrials(10, 0.16) };

        var s = BacktestStatistics.Compute(FiveDays(), [], options);

        // Benchmark per period = 0.4/√4 = 0.2; z = (0.5 − 0.2)·√3/1.2886751 = 0.4032166; Φ(z) = 0.6566056.
        Assert.Equal(0.656605565840176, s.ProbabilisticSharpe, 1e-12);
        // Trials: V = 0.16 annualised → 0.16/4 = 0.04 per period, √V = 0.2; Φ⁻¹(1 − 1/10) = 1.2815516,
        // Φ⁻¹(1 − 1/(10e)) = Φ⁻¹(0.9632121) = 1.7892418; SR₀* = 0.2·(0.4227843·1.2815516 + 0.5772157·1.7892418) = 0.3149197
        // per period (0.6298393 annualised); z = (0.5 − 0.3149197)·√3/1.2886751 = 0.2487525; DSR = Φ(z) = 0.5982261.
        Assert.Equal(0.6298393205383, s.DeflatedSharpeThreshold, 1e-9);
        Assert.Equal(0.5982261003129605, s.DeflatedSharpe, 1e-9);
    }

    [Fact]
    public void Compute_RiskFreeRate_IsCompoundedPerPeriodAndTheSortinoTarget()
    {
        // Annual rf = 1.01⁴ − 1 = 0.04060401 with P = 4 → per period (1 + rf)^(1/4) − 1 = 0.01.
        var options = new StatisticsOptions { PeriodsPerYear = 4, RiskFreeRate = (1.01 * 1.01 * 1.01 * 1.01) - 1 };

        var s = BacktestStatistics.Compute(FiveDays(), [], options);

        // Excess mean 0.05 − 0.01 = 0.04; s = 0.1 → Sharpe 0.04/0.1·√4 = 0.8.
        Assert.Equal(0.8, s.Sharpe, Tol);
        // r − 0.01 = 0.09, −0.11, 0.09, 0.09 → DD = √(0.11²/4) = 0.055 → Sortino 0.04/0.055·2 = 1.4545…
        Assert.Equal(0.08 / 0.055, s.Sortino, Tol);
    }

    [Fact]
    public void Compute_FourTrades_TradeFiguresAndCostsAsHandComputed()
    {
        var s = BacktestStatistics.Compute(TradingMonday(), FourTrades(), StatisticsOptions.Default);

        // Net P&L +40, −30, +20, 0: 2 wins, 1 loss, 1 break-even; win rate 2/4; profit factor (40 + 20)/30 = 2;
        // expectancy (40 − 30 + 20 + 0)/4 = 7.5.
        Assert.Equal(4, s.TradeCount);
        Assert.Equal(2, s.Wins);
        Assert.Equal(1, s.Losses);
        Assert.Equal(0.5, s.WinRate, Tol);
        Assert.Equal(2.0, s.ProfitFactor, Tol);
        Assert.Equal(7.5, s.Expectancy, Tol);
        Assert.Equal(30, s.NetPnl, Tol);
        // Holding 1 h, 2 h, 30 min, 4 h: mean 7.5 h/4 = 1 h 52 min 30 s; sorted 0.5, 1, 2, 4 h → median (1 + 2)/2 = 1.5 h; max 4 h.
        Assert.Equal(new TimeSpan(1, 52, 30), s.MeanHolding);
        Assert.Equal(TimeSpan.FromHours(1.5), s.MedianHolding);
        Assert.Equal(TimeSpan.FromHours(4), s.MaxHolding);
        // Exposure: [01:00, 02:00] ∪ [01:30, 03:30] = 2.5 h, + 0.5 h + 4 h = 7 h of the curve's 10 h.
        Assert.Equal(0.7, s.Exposure, Tol);
        // Costs: spread 4+4+2+2 = 12, slippage 1+0+1+0 = 2, commission 3+3+2+2 = 10, swap 2+3+5−4 = 6; total 30 of gross 60 → 0.5.
        Assert.Equal(new CostBreakdown(12, 10, 2, 6, 60), s.Costs);
        Assert.Equal(30, s.Costs.Total, Tol);
        Assert.Equal(0.5, s.Costs.FractionOfGross, Tol);
        // Turnover: each trade 0.1 lot × 100,000 × (1.0 + 1.0) = 20,000, Σ 80,000; samples 10,000 and 10,030 (no 22:00
        // grid time inside the span) → n = 1, mean equity 10,015, years 1/260 → 80,000/10,015·260 = 2076.8846730.
        Assert.Equal(1, s.Periods);
        Assert.Equal(80_000 / 10_015.0 * 260, s.Turnover, 1e-9);
    }

    [Fact]
    public void Compute_NoTrades_TradeFiguresAreNaNOrNullAndExposureZero()
    {
        var s = BacktestStatistics.Compute(FiveDays(), [], StatisticsOptions.Default);

        Assert.Equal(0, s.TradeCount);
        Assert.True(double.IsNaN(s.WinRate));
        Assert.True(double.IsNaN(s.ProfitFactor));
        Assert.True(double.IsNaN(s.Expectancy));
        Assert.Null(s.MeanHolding);
        Assert.Null(s.MedianHolding);
        Assert.Null(s.MaxHolding);
        Assert.Equal(0, s.Exposure);
        Assert.Equal(0, s.Turnover);
        Assert.Equal(0, s.Costs.Total);
        Assert.True(double.IsNaN(s.Costs.FractionOfGross));
    }

    [Fact]
    public void Compute_AllWinners_ProfitFactorIsPositiveInfinity()
    {
        BacktestTrade[] trades = [Trade(TradeSide.Long, At(0, 1), At(0, 2), 10, 1, 0, 0, 0), Trade(TradeSide.Short, At(0, 3), At(0, 4), 5, 1, 0, 0, 0)];

        var s = BacktestStatistics.Compute(TradingMonday(), trades, StatisticsOptions.Default);

        Assert.Equal(1.0, s.WinRate);
        Assert.Equal(double.PositiveInfinity, s.ProfitFactor);
        // Expectancy (9 + 4)/2 = 6.5.
        Assert.Equal(6.5, s.Expectancy, Tol);
    }

    [Fact]
    public void Compute_AllLosers_ProfitFactorIsZero()
    {
        BacktestTrade[] trades = [Trade(TradeSide.Long, At(0, 1), At(0, 2), -10, 1, 0, 0, 0)];

        var s = BacktestStatistics.Compute(TradingMonday(), trades, StatisticsOptions.Default);

        Assert.Equal(0, s.ProfitFactor);
        Assert.Equal(0, s.WinRate);
    }

    [Fact]
    public void Compute_FlatEquity_RatiosAreNaNAndDrawdownZero()
    {
        var flat = Curve((At(0, 22), 1000), (At(1, 22), 1000), (At(2, 22), 1000), (At(3, 22), 1000));

        var s = BacktestStatistics.Compute(flat, [], StatisticsOptions.Default);

        Assert.Equal(0, s.TotalReturn);
        Assert.Equal(0, s.AnnualizedVolatility);
        Assert.True(double.IsNaN(s.Sharpe));
        Assert.True(double.IsNaN(s.Sortino));
        Assert.True(double.IsNaN(s.Calmar));
        Assert.True(double.IsNaN(s.ProbabilisticSharpe));
        Assert.True(double.IsNaN(s.Skewness));
        Assert.Equal(0, s.MaxDrawdown);
        Assert.Equal(TimeSpan.Zero, s.MaxDrawdownDuration);
        Assert.True(s.MaxDrawdownRecovered);
    }

    [Fact]
    public void Compute_OnlyGains_SortinoAndCalmarArePositiveInfinity()
    {
        var up = Curve((At(0, 22), 100), (At(1, 22), 101), (At(2, 22), 103));

        var s = BacktestStatistics.Compute(up, [], StatisticsOptions.Default);

        Assert.Equal(double.PositiveInfinity, s.Sortino);
        Assert.Equal(double.PositiveInfinity, s.Calmar);
    }

    [Fact]
    public void Compute_NotRecovered_DurationRunsToTheLastPoint()
    {
        // Peak 120 on Tue 22:00, falls to 90 (−25 %) on Wed, ends at 100 on Fri: not recovered, Tue → Fri = 3 days.
        // The earlier dip 100 → 95 (Mon 02:00 peak, back above 100 at Tue 00:00) is a smaller, shorter episode of 22 h.
        var curve = Curve((At(0, 2), 100), (At(0, 12), 95), (At(1, 0), 110), (At(1, 22), 120), (At(2, 22), 90), (At(4, 22), 100));

        var s = BacktestStatistics.Compute(curve, [], StatisticsOptions.Default);

        Assert.Equal(0.25, s.MaxDrawdown, Tol);
        Assert.Equal(30, s.MaxDrawdownAmount, Tol);
        Assert.False(s.MaxDrawdownRecovered);
        Assert.Equal(TimeSpan.FromDays(3), s.MaxDrawdownDuration);
        Assert.Equal(TimeSpan.FromDays(3), s.LongestDrawdownDuration);
    }

    [Fact]
    public void Compute_AmountAndFractionFromDifferentEpisodes_EachIsItsOwnMaximum()
    {
        // 100 → 80: −20 % (amount 20); 200 → 170: −15 % (amount 30).
        var curve = Curve((At(0, 1), 100), (At(0, 2), 80), (At(0, 3), 200), (At(0, 4), 170), (At(0, 5), 210));

        var s = BacktestStatistics.Compute(curve, [], StatisticsOptions.Default);

        Assert.Equal(0.2, s.MaxDrawdown, Tol);
        Assert.Equal(30, s.MaxDrawdownAmount, Tol);
        Assert.Equal(TimeSpan.FromHours(2), s.MaxDrawdownDuration);
        Assert.Equal(TimeSpan.FromHours(2), s.LongestDrawdownDuration);
    }

    [Fact]
    public void Sample_IntradayPointsAndWeekend_TakeTheLastEquityAtOrBeforeEachWeekdayGridTime()
    {
        // Fri 10:00 100, Fri 23:00 101, Mon 09:00 102, Mon 23:00 103. Grid: Fri 22:00 → 100 (Fri 10:00);
        // Sat and Sun 22:00 skipped; Mon 22:00 → 102; then the last point 103.
        var friday = Monday.AddDays(4);
        var curve = Curve((At(friday.AddHours(10)), 100), (At(friday.AddHours(23)), 101), (At(friday.AddDays(3).AddHours(9)), 102),
            (At(friday.AddDays(3).AddHours(23)), 103));

        Assert.Equal([100, 100, 102, 103], EquitySampler.Sample(curve.Times, curve.Equity, StatisticsOptions.Default));
        Assert.Equal([100, 100, 101, 101, 102, 103],
            EquitySampler.Sample(curve.Times, curve.Equity, StatisticsOptions.Default with { SkipWeekends = false }));
        Assert.Equal(3, BacktestStatistics.Compute(curve, [], StatisticsOptions.Default).Periods);
    }

    [Fact]
    public void Sample_EquityReachesZero_StopsAtRuin()
    {
        var curve = Curve((At(0, 22), 100), (At(1, 22), 0), (At(2, 22), 5), (At(3, 22), 7));

        Assert.Equal([100, 0], EquitySampler.Sample(curve.Times, curve.Equity, StatisticsOptions.Default));
        var s = BacktestStatistics.Compute(curve, [], StatisticsOptions.Default);
        Assert.Equal(-1, s.AnnualizedReturn);
        Assert.Equal(1, s.MaxDrawdown, Tol);
    }

    [Fact]
    public void Compute_Twice_GivesEqualRecords()
    {
        var options = new StatisticsOptions { Trials = new SharpeTrials(5, 0.5) };

        Assert.Equal(BacktestStatistics.Compute(FiveDays(), FourTrades(), options), BacktestStatistics.Compute(FiveDays(), FourTrades(), options));
    }

    [Fact]
    public void Compute_EmptyCurve_ThrowsNamingThePointCount()
    {
        var e = Assert.Throws<StatisticsException>(() => BacktestStatistics.Compute(new EquityCurve(100), [], StatisticsOptions.Default));

        Assert.Equal(StatisticsErrorKind.InvalidInput, e.Kind);
        Assert.Equal("equity", e.Field);
        Assert.Contains("expected at least 2 points, actual 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NegativeStart_ThrowsNamingRowZero()
    {
        var curve = new EquityCurve(100);
        curve.Add(At(0, 1), -5);
        curve.Add(At(0, 2), 10);

        var e = Assert.Throws<StatisticsException>(() => BacktestStatistics.Compute(curve, [], StatisticsOptions.Default));

        Assert.Equal("equity.Equity", e.Field);
        Assert.Equal(0, e.Row);
        Assert.Contains("expected > 0, actual -5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnsortedTimes_ThrowsNamingTheRow()
    {
        // EquityCurve.Add already refuses a time before the last one; the statistics check again at their boundary.
        Assert.Throws<ArgumentException>(() => Curve((At(0, 2), 100), (At(0, 1), 101)));
        long[] times = [At(0, 1), At(0, 3), At(0, 2)];
        double[] equity = [100, 101, 102];

        var e = Assert.Throws<StatisticsException>(() => EquitySampler.Validate(times, equity));

        Assert.Equal("equity.Times", e.Field);
        Assert.Equal(2, e.Row);
        Assert.Contains("expected after 2026-11-02T03:00:00.000000Z, actual 2026-11-02T02:00:00.000000Z", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_TradeExitingBeforeEntry_ThrowsNamingTheTrade()
    {
        BacktestTrade[] trades = [.. FourTrades(), Trade(TradeSide.Long, At(0, 5), At(0, 4), 1, 0, 0, 0, 0)];

        var e = Assert.Throws<StatisticsException>(() => BacktestStatistics.Compute(TradingMonday(), trades, StatisticsOptions.Default));

        Assert.Equal("trades.ExitTime", e.Field);
        Assert.Equal(4, e.Row);
    }

    [Fact]
    public void Validate_SeveralBadOptions_NamesEveryOneInOneMessage()
    {
        var options = new StatisticsOptions
        {
            PeriodsPerYear = 0, SampleTimeOfDay = TimeSpan.FromHours(25), RiskFreeRate = double.NaN, LotSize = -1, Trials = new SharpeTrials(0, -1),
        };

        var e = Assert.Throws<StatisticsException>(() => BacktestStatistics.Compute(FiveDays(), [], options));

        Assert.Equal(StatisticsErrorKind.InvalidOptions, e.Kind);
        foreach (var field in new[] { "SampleTimeOfDay", "PeriodsPerYear", "RiskFreeRate", "Trials.Count", "Trials.Variance", "LotSize" })
        {
            Assert.Contains(field, e.Message, StringComparison.Ordinal);
        }
    }
}
