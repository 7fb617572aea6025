using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// A position the backtest holds (read only outside the engine). Several may be open at once (a hedging account);
/// each has its own stop-loss and take-profit and becomes one <see cref="BacktestTrade"/> when it closes.
/// </summary>
public sealed class OpenPosition
{
    internal OpenPosition() { }

    /// <summary>Run-unique id (1, 2, …, in fill order); pass it to <see cref="OrderRequest.Close"/>.</summary>
    public long Id { get; internal init; }

    /// <summary>Long or short.</summary>
    public TradeSide Side { get; internal init; }

    /// <summary>Size in lots.</summary>
    public double Lots { get; internal init; }

    /// <summary>Entry fill time (the fill tick's time), UTC µs.</summary>
    public long EntryTime { get; internal init; }

    /// <summary>Entry fill price (slippage included).</summary>
    public double EntryPrice { get; internal init; }

    /// <summary>Stop-loss price, NaN = none. A long's triggers when bid ≤ it, a short's when ask ≥ it.</summary>
    public double StopLoss { get; internal init; }

    /// <summary>Take-profit price, NaN = none. A long's triggers when bid ≥ it, a short's when ask ≤ it.</summary>
    public double TakeProfit { get; internal init; }

    /// <summary>Swap charged so far, account currency (positive = paid).</summary>
    public double Swap { get; internal set; }

    internal int EntryIndex { get; init; }
    internal double EntryMid { get; init; }
    internal double EntryQuote { get; init; }
    internal double EntryCommission { get; init; }
    internal double Units { get; init; }
}
