using System.Text.Json.Serialization;
using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Execution;

/// <summary>
/// One line of the <see cref="ExecutionJournal"/>: an event of the demo executor. Which fields are set depends on
/// <see cref="Type"/>; unset fields are null and left out of the JSON. Times are UTC µs on the ticks' clock; money is
/// account currency. The executor's state is a pure function of its records, so replaying them rebuilds it exactly.
/// </summary>
public sealed record ExecutionRecord
{
    /// <summary>1, 2, … in append order, no gaps; assigned by the journal.</summary>
    public long Seq { get; init; }

    /// <summary>What happened.</summary>
    public ExecutionRecordType Type { get; init; }

    /// <summary>The instrument (catalogue spelling).</summary>
    public string? Symbol { get; init; }

    /// <summary>The symbol's clock at the event (the tick it happened on, or the last tick seen), UTC µs.</summary>
    public long? Clock { get; init; }

    /// <summary>The signal's id (<c>Mt5SignalExport.IdOf</c>: the first 8 bytes of its JSON's SHA-256, hex).</summary>
    public string? SignalId { get; init; }

    /// <summary>The signal as JSON (<c>TradeSignalJson</c>), on the signal records.</summary>
    public string? Signal { get; init; }

    /// <summary>Why a signal was rejected or skipped, or why a position closed.</summary>
    public string? Reason { get; init; }

    /// <summary>The orders of an <see cref="ExecutionRecordType.OrdersSubmitted"/> record.</summary>
    public IReadOnlyList<JournalOrder>? Orders { get; init; }

    /// <summary>The order a fill, close, done or expiry record is about.</summary>
    public string? OrderId { get; init; }

    /// <summary>Entry orders a cancel removed.</summary>
    public IReadOnlyList<string>? Cancelled { get; init; }

    /// <summary>The position opened or closed (1, 2, … in fill order).</summary>
    public long? PositionId { get; init; }

    /// <summary>The position's side.</summary>
    public TradeSide? Side { get; init; }

    /// <summary>The position's size in lots.</summary>
    public double? Lots { get; init; }

    /// <summary>The fill price, slippage included.</summary>
    public double? Price { get; init; }

    /// <summary>The quote the fill crossed (ask for a buy, bid for a sell).</summary>
    public double? Quote { get; init; }

    /// <summary>The fill tick's mid.</summary>
    public double? Mid { get; init; }

    /// <summary>Commission of this leg (fill) or of both legs (position closed).</summary>
    public double? Commission { get; init; }

    /// <summary>Mid-to-mid result of the closed trade.</summary>
    public double? GrossPnl { get; init; }

    /// <summary>Half-spreads crossed at entry and exit.</summary>
    public double? SpreadCost { get; init; }

    /// <summary>Fill prices beyond the quotes.</summary>
    public double? SlippageCost { get; init; }

    /// <summary>What the close added to the balance: side × (exit − entry) × units × rate − exit commission.</summary>
    public double? Cash { get; init; }

    /// <summary>The balance after the event (fills and closes; the start record's initial balance).</summary>
    public double? Balance { get; init; }

    /// <summary>The account currency (start record).</summary>
    public string? Currency { get; init; }
}
