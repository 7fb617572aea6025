using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Tests.Backtesting.Statistics;

/// <summary>Hand-made curves and trades shared by the statistics and report tests.</summary>
internal static class StatisticsSamples
{
    /// <summary>Monday 2026-11-02 00:00 UTC.</summary>
    public static readonly DateTime Monday = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    public static long At(DateTime utc) => TickTime.ToMicros(utc);

    public static long At(int day, double hours) => At(Monday.AddDays(day).AddHours(hours));

    public static EquityCurve Curve(params (long Time, double Equity)[] points)
    {
        var curve = new EquityCurve(points[0].Equity > 0 ? points[0].Equity : 1);
        foreach (var (t, e) in points)
        {
            curve.Add(t, e);
        }
        return curve;
    }

    /// <summary>
    /// Five weekday closes at 22:00 UTC, Mon–Fri: 100, 110, 99, 108.9, 119.79 — returns +10 %, −10 %, +10 %, +10 %;
    /// one drawdown from 110 (Tue) to 99 (Wed), recovered on Fri.
    /// </summary>
    public static EquityCurve FiveDays() => Curve(
        (At(0, 22), 100), (At(1, 22), 110), (At(2, 22), 99), (At(3, 22), 108.9), (At(4, 22), 119.79));

    public static BacktestTrade Trade(TradeSide side, long entry, long exit, double gross, double spread, double slippage,
        double commission, double swap, double lots = 0.1, double entryPrice = 1.0, double exitPrice = 1.0) =>
        new("EURUSD", side, lots, entry, entryPrice, exit, exitPrice, gross, spread, slippage, commission, swap, "signal");

    /// <summary>
    /// Four trades on Monday (net = gross − spread − slippage − commission − swap):
    /// T1 long 01:00–02:00, 50 − 4 − 1 − 3 − 2 = +40; T2 short 01:30–03:30, −20 − 4 − 0 − 3 − 3 = −30;
    /// T3 long 05:00–05:30, 30 − 2 − 1 − 2 − 5 = +20; T4 long 06:00–10:00, 0 − 2 − 0 − 2 − (−4) = 0 (swap earned).
    /// </summary>
    public static BacktestTrade[] FourTrades() =>
    [
        Trade(TradeSide.Long, At(0, 1), At(0, 2), 50, 4, 1, 3, 2),
        Trade(TradeSide.Short, At(0, 1.5), At(0, 3.5), -20, 4, 0, 3, 3),
        Trade(TradeSide.Long, At(0, 5), At(0, 5.5), 30, 2, 1, 2, 5),
        Trade(TradeSide.Long, At(0, 6), At(0, 10), 0, 2, 0, 2, -4),
    ];

    /// <summary>Monday 00:00 → 10:00, 10,000 → 10,030 (the four trades' net +30).</summary>
    public static EquityCurve TradingMonday() => Curve((At(0, 0), 10_000), (At(0, 10), 10_030));
}
