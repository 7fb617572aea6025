using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Modeling.Labels;

namespace Backtest.Bench;

/// <summary>
/// The plain strategy, simple enough for a SQL backtest to reproduce exactly. On every tick i ≥ <see cref="Lookback"/>
/// (counted within the run's own ticks): d = mid(i) − mid(i − Lookback), mid = (bid + ask) × 0.5; d &gt;
/// <see cref="Threshold"/> → hold one lot long, d &lt; −Threshold → one lot short, otherwise keep the position. A
/// change closes the open position and enters the new side, with zero latency: both fill on the next tick, a buy at
/// its ask and a sell at its bid. Whatever is open at the last tick is closed there.
/// </summary>
internal static class MomentumRule
{
    public const int Lookback = 200;

    public const double Threshold = 0.0003;

    /// <summary>An account that never meets a margin limit, no costs besides the spread: the SQL anchor has none either.</summary>
    public static readonly BacktestOptions Options = new() { InitialBalance = 1e9 };

    public static CallbackStrategy Create()
    {
        var held = 0;
        return new CallbackStrategy((in TickWindow w, Account _, OrderList orders) =>
        {
            var n = w.Count;
            if (n <= Lookback)
            {
                return;
            }
            var d = ((w.Bids[n - 1] + w.Asks[n - 1]) * 0.5) - ((w.Bids[n - 1 - Lookback] + w.Asks[n - 1 - Lookback]) * 0.5);
            var want = d > Threshold ? 1 : d < -Threshold ? -1 : held;
            if (want == held)
            {
                return;
            }
            if (held != 0)
            {
                orders.Add(OrderRequest.Close());
            }
            orders.Add(OrderRequest.Market(want > 0 ? TradeSide.Long : TradeSide.Short, 1));
            held = want;
        });
    }
}
