namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>What an <see cref="OrderRequest"/> does.</summary>
public enum OrderKind : byte
{
    /// <summary>Open a position at the first tick after arrival: a buy at the ask, a sell at the bid (plus slippage).</summary>
    Market,
    /// <summary>Open a position when a tick after arrival crosses the limit: a buy when ask ≤ limit, a sell when bid ≥ limit.</summary>
    Limit,
    /// <summary>Close one open position (<see cref="OrderRequest.PositionId"/>) or all (0) at the exit side's quote.</summary>
    Close,
    /// <summary>Cancel every pending entry order not yet filled.</summary>
    CancelPending,
}
