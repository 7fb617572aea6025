namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>What happened in a run, counted.</summary>
public sealed record BacktestCounts
{
    /// <summary>Ticks processed.</summary>
    public long Ticks { get; init; }

    /// <summary>Bars delivered to the strategy.</summary>
    public long Bars { get; init; }

    /// <summary>Orders submitted (every kind).</summary>
    public long Orders { get; init; }

    /// <summary>Entry fills (positions opened).</summary>
    public long Entries { get; init; }

    /// <summary>Entries refused at the fill because the margin they need exceeds the free margin.</summary>
    public long RejectedMargin { get; init; }

    /// <summary>Entries refused because the sized lots round below the contract's minimum.</summary>
    public long RejectedSize { get; init; }

    /// <summary>Orders dropped unfilled at their expiry.</summary>
    public long Expired { get; init; }

    /// <summary>Orders cancelled by a <see cref="OrderKind.CancelPending"/>.</summary>
    public long Cancelled { get; init; }

    /// <summary>Orders still pending when the data ended (never filled).</summary>
    public long Unfilled { get; init; }

    /// <summary>Trades closed by their stop-loss.</summary>
    public long StopLosses { get; init; }

    /// <summary>Trades closed by their take-profit.</summary>
    public long TakeProfits { get; init; }

    /// <summary>Trades closed by a margin call.</summary>
    public long MarginCalls { get; init; }

    /// <summary>Rollover instants passed (weekends excluded), whether or not a position paid swap.</summary>
    public long Rollovers { get; init; }
}
