namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// What trading cost, summed over the trades, in account currency (see <see cref="BacktestTrade"/> for each part).
/// </summary>
/// <param name="Spread">Σ half-spreads crossed at entry and exit.</param>
/// <param name="Commission">Σ commission.</param>
/// <param name="Slippage">Σ fills beyond the quote.</param>
/// <param name="Swap">Σ rollover (negative when earned).</param>
/// <param name="GrossPnl">Σ mid-to-mid results before any cost.</param>
public sealed record CostBreakdown(double Spread, double Commission, double Slippage, double Swap, double GrossPnl)
{
    /// <summary>Spread + commission + slippage + swap.</summary>
    public double Total => Spread + Commission + Slippage + Swap;

    /// <summary>
    /// <see cref="Total"/> / <see cref="GrossPnl"/>: the share of the gross edge the costs took (above 1: costs took
    /// more than all of it). NaN when the gross P&amp;L is ≤ 0 — there was no edge to take a share of.
    /// </summary>
    public double FractionOfGross => GrossPnl > 0 ? Total / GrossPnl : double.NaN;
}
