namespace TickKernelExtensions.Execution;

/// <summary>What a journal record says happened. JSON: the kebab-case name (<c>orders-submitted</c>, …).</summary>
public enum ExecutionRecordType
{
    /// <summary>The journal's first record: the account it belongs to (initial balance, currency).</summary>
    Start,
    /// <summary>A signal was accepted and waits for the symbol's clock to reach its time.</summary>
    SignalQueued,
    /// <summary>A signal broke a risk limit or names a symbol that may not be traded; <see cref="ExecutionRecord.Reason"/> says which.</summary>
    SignalRejected,
    /// <summary>A signal was not acted on: expired, superseded by a later one due on the same tick, or nothing new to do.</summary>
    SignalSkipped,
    /// <summary>A signal was acted on: the orders it produced (atomically, all or none), with their arrival times.</summary>
    OrdersSubmitted,
    /// <summary>An entry order filled and opened a position.</summary>
    Fill,
    /// <summary>A position was closed by a close order: the exit fill and the closed trade's figures.</summary>
    PositionClosed,
    /// <summary>A close or cancel order finished (the entries it cancelled are listed).</summary>
    OrderDone,
    /// <summary>An order reached its expiry before it could act and was dropped.</summary>
    OrderExpired,
}
