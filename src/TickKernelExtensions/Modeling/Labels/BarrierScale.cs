namespace TickKernelExtensions.Modeling.Labels;

/// <summary>What the profit-take and stop-loss widths of <see cref="TripleBarrierOptions"/> are measured in.</summary>
public enum BarrierScale
{
    /// <summary>
    /// Multiples of a per-event volatility target (a return, e.g. a rolling σ of log returns): the profit barrier
    /// is touched when the side's bid/ask return reaches <c>ProfitTake × target</c>.
    /// </summary>
    Volatility,
    /// <summary>Absolute price distances from the entry price, in price units (not points); no targets are used.</summary>
    Price,
}
