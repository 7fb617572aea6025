using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Execution;

/// <summary>One order of an <see cref="ExecutionRecordType.OrdersSubmitted"/> record.</summary>
/// <param name="OrderId">Journal-unique id: the signal id, a dash and the order's 1-based place in the decision.</param>
/// <param name="Kind">Market entry, close (every position of the symbol) or cancel (the symbol's earlier pending entries).</param>
/// <param name="Side">The entry's side (long = buy at the ask); meaningless for close and cancel.</param>
/// <param name="Lots">The entry's size in lots; 0 for close and cancel.</param>
/// <param name="Arrival">Decision time + latency (+ jitter), UTC µs: the order acts on the first tick strictly after it.</param>
/// <param name="Expiry">UTC µs at which an order that has not acted is dropped (the signal's expiry for entries).</param>
public sealed record JournalOrder(string OrderId, OrderKind Kind, TradeSide Side, double Lots, long Arrival, long Expiry);
