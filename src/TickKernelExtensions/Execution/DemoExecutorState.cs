using TickKernelExtensions.Backtesting;

namespace TickKernelExtensions.Execution;

/// <summary>
/// A snapshot of what the demo executor holds, all rebuilt from the journal on restart. Lists are in a fixed order
/// (positions and orders by symbol then submission, signal ids sorted), so two snapshots compare by their JSON. The
/// symbols' clocks are not part of it: after a restart each is the latest journaled one until the next tick.
/// </summary>
public sealed record DemoExecutorState
{
    /// <summary>The last journal sequence number.</summary>
    public required long Sequence { get; init; }

    /// <summary>Realised balance, account currency.</summary>
    public required double Balance { get; init; }

    /// <summary>Open positions.</summary>
    public required IReadOnlyList<DemoPosition> Positions { get; init; }

    /// <summary>Orders in flight or resting (their ids start with their signal's id).</summary>
    public required IReadOnlyList<JournalOrder> PendingOrders { get; init; }

    /// <summary>Ids of accepted signals waiting for their time.</summary>
    public required IReadOnlyList<string> QueuedSignalIds { get; init; }

    /// <summary>Ids of every signal journaled (acted on, queued, rejected or skipped), sorted.</summary>
    public required IReadOnlyList<string> SeenSignalIds { get; init; }

    /// <summary>Closed trades in closing order.</summary>
    public required IReadOnlyList<BacktestTrade> Trades { get; init; }
}
