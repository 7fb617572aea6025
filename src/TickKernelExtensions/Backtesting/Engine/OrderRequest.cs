using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// An order a strategy submits through <see cref="OrderList"/>. Prices are absolute price units; a NaN price or
/// distance means "none". Every order travels for the latency (arrival = decision time + latency) and acts on the
/// first tick strictly after its arrival; an order still unfilled at <see cref="Expiry"/> is dropped. A value type:
/// submitting one allocates nothing.
/// </summary>
public readonly record struct OrderRequest
{
    /// <summary>Market, limit, close or cancel.</summary>
    public OrderKind Kind { get; init; }

    /// <summary>Long (buy) or short (sell) for entries.</summary>
    public TradeSide Side { get; init; }

    /// <summary>Size in lots (&gt; 0); NaN = size by <see cref="BacktestOptions.Sizing"/> at the fill.</summary>
    public double Lots { get; init; }

    /// <summary>The limit price of a <see cref="OrderKind.Limit"/> order.</summary>
    public double LimitPrice { get; init; }

    /// <summary>Absolute stop-loss price; NaN = none.</summary>
    public double StopLoss { get; init; }

    /// <summary>Absolute take-profit price; NaN = none.</summary>
    public double TakeProfit { get; init; }

    /// <summary>Stop-loss as a distance from the fill price (price units, &gt; 0); used when <see cref="StopLoss"/> is NaN.</summary>
    public double StopLossDistance { get; init; }

    /// <summary>Take-profit as a distance from the fill price (price units, &gt; 0); used when <see cref="TakeProfit"/> is NaN.</summary>
    public double TakeProfitDistance { get; init; }

    /// <summary>UTC µs after which the order is dropped unfilled; <see cref="long.MaxValue"/> = good till the end.</summary>
    public long Expiry { get; init; }

    /// <summary>The position a <see cref="OrderKind.Close"/> closes; 0 = every open position.</summary>
    public long PositionId { get; init; }

    /// <summary>Exit reason written on the trades a close produces; default <c>signal</c>.</summary>
    public string Reason { get; init; }

    /// <summary>A market entry.</summary>
    public static OrderRequest Market(TradeSide side, double lots = double.NaN, double stopLoss = double.NaN, double takeProfit = double.NaN) =>
        new()
        {
            Kind = OrderKind.Market, Side = side, Lots = lots, LimitPrice = double.NaN, StopLoss = stopLoss, TakeProfit = takeProfit,
            StopLossDistance = double.NaN, TakeProfitDistance = double.NaN, Expiry = long.MaxValue, Reason = "signal",
        };

    /// <summary>A limit entry.</summary>
    public static OrderRequest Limit(TradeSide side, double limitPrice, double lots = double.NaN, double stopLoss = double.NaN, double takeProfit = double.NaN) =>
        Market(side, lots, stopLoss, takeProfit) with { Kind = OrderKind.Limit, LimitPrice = limitPrice };

    /// <summary>Closes one position (by id) or, with 0, every open position.</summary>
    public static OrderRequest Close(long positionId = 0, string reason = "signal") =>
        Market(TradeSide.Long) with { Kind = OrderKind.Close, PositionId = positionId, Reason = reason };

    /// <summary>Cancels every pending entry order.</summary>
    public static OrderRequest CancelPending() => Market(TradeSide.Long) with { Kind = OrderKind.CancelPending };
}
