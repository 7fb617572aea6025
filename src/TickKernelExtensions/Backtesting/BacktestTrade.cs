using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Backtesting;

/// <summary>
/// One closed round trip of a backtest (or of the demo executor), in account currency. The gross result is measured
/// from mid to mid, so the costs are visible apart: what the spread took (the half-spreads crossed at entry and exit),
/// slippage beyond the quote, commission and swap. Times are UTC microseconds, like the ticks.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Long (entered at the ask, left at the bid) or short.</param>
/// <param name="Lots">Size in lots (positive).</param>
/// <param name="EntryTime">Time of the entry fill (the tick it filled on), UTC µs.</param>
/// <param name="EntryPrice">The entry fill price, slippage included.</param>
/// <param name="ExitTime">Time of the exit fill, UTC µs.</param>
/// <param name="ExitPrice">The exit fill price, slippage included.</param>
/// <param name="GrossPnl">Mid-to-mid result: (exit mid − entry mid) × units × side, in account currency.</param>
/// <param name="SpreadCost">Half-spread at entry plus half-spread at exit, × units (≥ 0).</param>
/// <param name="SlippageCost">Fill prices beyond the quote, × units (≥ 0 when slippage hurts).</param>
/// <param name="Commission">Commission charged for both legs (≥ 0).</param>
/// <param name="Swap">Rollover charged while held (positive = paid, negative = earned).</param>
/// <param name="ExitReason">Why it closed: <c>signal</c>, <c>stop-loss</c>, <c>take-profit</c>, <c>margin-call</c>, <c>end-of-data</c>, …</param>
public sealed record BacktestTrade(
    string Symbol, TradeSide Side, double Lots,
    long EntryTime, double EntryPrice, long ExitTime, double ExitPrice,
    double GrossPnl, double SpreadCost, double SlippageCost, double Commission, double Swap, string ExitReason)
{
    /// <summary>What the account kept: gross minus every cost.</summary>
    public double NetPnl => GrossPnl - SpreadCost - SlippageCost - Commission - Swap;

    /// <summary>How long the position was held.</summary>
    public TimeSpan Holding => TimeSpan.FromTicks((ExitTime - EntryTime) * 10);
}
