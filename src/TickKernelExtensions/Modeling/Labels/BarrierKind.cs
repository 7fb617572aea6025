namespace TickKernelExtensions.Modeling.Labels;

/// <summary>Which barrier of the triple-barrier method a position touched first.</summary>
public enum BarrierKind : byte
{
    /// <summary>The vertical barrier: the maximum holding time ran out.</summary>
    Vertical = 0,
    /// <summary>The profit-take barrier (upper for a long, lower for a short).</summary>
    ProfitTake = 1,
    /// <summary>The stop-loss barrier (lower for a long, upper for a short).</summary>
    StopLoss = 2,
}
