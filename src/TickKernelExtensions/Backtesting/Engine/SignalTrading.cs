using System.Globalization;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// How a <see cref="TradeSignal"/> becomes orders: the signal names the position to hold. Buy → cancel a pending sell,
/// close any short, and open one long unless one is open or on its way; Sell the mirror; Flat → cancel pending entries
/// and close everything. Orders travel with the latency, so a pending sell that fills before the cancel arrives is
/// closed by the close that follows it. Entries are market orders sized by <see cref="BacktestOptions.Sizing"/>, with optional stop-loss and take-profit distances from the fill, and
/// expire with the signal (an entry still unfilled at <see cref="TradeSignal.Expiry"/> is dropped). Immutable.
/// </summary>
public sealed record SignalTrading
{
    /// <summary>Stop-loss distance from the fill, price units; NaN (default) = none.</summary>
    public double StopLossDistance { get; init; } = double.NaN;

    /// <summary>Take-profit distance from the fill, price units; NaN (default) = none.</summary>
    public double TakeProfitDistance { get; init; } = double.NaN;

    /// <summary>Buy and sell signals below this confidence are ignored (the position is kept); default 0.</summary>
    public double MinConfidence { get; init; }

    /// <summary>The defaults.</summary>
    public static SignalTrading Default { get; } = new();

    internal void Validate(List<string> errors, string prefix)
    {
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (!double.IsNaN(StopLossDistance) && !(StopLossDistance > 0 && double.IsFinite(StopLossDistance)))
        {
            errors.Add($"{prefix}.{nameof(StopLossDistance)} must be positive or NaN, was {F(StopLossDistance)}");
        }
        if (!double.IsNaN(TakeProfitDistance) && !(TakeProfitDistance > 0 && double.IsFinite(TakeProfitDistance)))
        {
            errors.Add($"{prefix}.{nameof(TakeProfitDistance)} must be positive or NaN, was {F(TakeProfitDistance)}");
        }
        if (!(MinConfidence >= 0 && MinConfidence <= 1))
        {
            errors.Add($"{prefix}.{nameof(MinConfidence)} must be in [0, 1], was {F(MinConfidence)}");
        }
    }

    /// <summary>Adds the orders that move <paramref name="account"/> to what <paramref name="signal"/> asks; returns false when it asks nothing new.</summary>
    internal bool Apply(TradeSignal signal, Account account, OrderList orders)
    {
        if (signal.Action == SignalAction.Flat)
        {
            if (account.Positions.Count == 0 && account.PendingEntries == 0)
            {
                return false;
            }
            orders.Add(OrderRequest.CancelPending());
            orders.Add(OrderRequest.Close());
            return true;
        }
        if (signal.Confidence < MinConfidence)
        {
            return false;
        }
        var side = signal.Action == SignalAction.Buy ? TradeSide.Long : TradeSide.Short;
        var holding = false;
        var opposite = false;
        foreach (var p in account.Positions)
        {
            holding |= p.Side == side;
            opposite |= p.Side != side;
        }
        var (pendingSame, pendingOpposite) = side == TradeSide.Long
            ? (account.PendingLongEntries, account.PendingShortEntries)
            : (account.PendingShortEntries, account.PendingLongEntries);
        if (holding || (pendingSame > 0 && !opposite && pendingOpposite == 0))
        {
            return false;
        }
        if (pendingOpposite > 0 || pendingSame > 0)
        {
            orders.Add(OrderRequest.CancelPending());
        }
        if (opposite || pendingOpposite > 0)
        {
            // A pending opposite entry may fill before the cancel arrives; the close (arriving after it) catches that too.
            orders.Add(OrderRequest.Close());
        }
        orders.Add(OrderRequest.Market(side) with
        {
            StopLossDistance = StopLossDistance,
            TakeProfitDistance = TakeProfitDistance,
            Expiry = signal.ExpiryMicros,
        });
        return true;
    }
}
