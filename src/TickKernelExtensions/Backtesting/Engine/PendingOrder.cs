namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>An order travelling or resting in the engine.</summary>
internal sealed class PendingOrder
{
    public required long Sequence { get; init; }
    public required OrderRequest Request { get; init; }
    public required long DecisionTime { get; init; }
    public required long Arrival { get; init; }

    /// <summary>True once a tick strictly after <see cref="Arrival"/> has been seen (a limit order then rests).</summary>
    public bool Arrived { get; set; }

    public bool IsEntry => Request.Kind is OrderKind.Market or OrderKind.Limit;
}
