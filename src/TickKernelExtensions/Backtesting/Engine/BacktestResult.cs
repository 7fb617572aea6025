namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// The outcome of a tick backtest: closed trades (with their cost breakdown), the equity curve, the final account and
/// counts. Amounts are in <see cref="BacktestOptions.AccountCurrency"/>. The sum of the trades' net P&amp;L equals
/// <see cref="FinalBalance"/> − initial balance, up to rounding, when every position was closed.
/// </summary>
public sealed record BacktestResult
{
    /// <summary>The instrument.</summary>
    public required string Symbol { get; init; }

    /// <summary>The options the run used.</summary>
    public required BacktestOptions Options { get; init; }

    /// <summary>The contract the run used.</summary>
    public required ContractSpec Contract { get; init; }

    /// <summary>Closed round trips, in close order.</summary>
    public required IReadOnlyList<BacktestTrade> Trades { get; init; }

    /// <summary>
    /// Equity sampled at the first tick, after every fill, at every rollover, at every bar delivered, every
    /// <see cref="BacktestOptions.EquityEveryTicks"/> ticks and at the last tick.
    /// </summary>
    public required EquityCurve Equity { get; init; }

    /// <summary>Realised balance at the end.</summary>
    public required double FinalBalance { get; init; }

    /// <summary>Equity at the last tick.</summary>
    public required double FinalEquity { get; init; }

    /// <summary>Positions left open (only when <see cref="BacktestOptions.CloseAtEnd"/> is false).</summary>
    public required IReadOnlyList<OpenPosition> OpenPositions { get; init; }

    /// <summary>Counts.</summary>
    public required BacktestCounts Counts { get; init; }

    /// <summary>Time of the first tick, UTC µs.</summary>
    public required long FirstTime { get; init; }

    /// <summary>Time of the last tick, UTC µs.</summary>
    public required long LastTime { get; init; }
}
