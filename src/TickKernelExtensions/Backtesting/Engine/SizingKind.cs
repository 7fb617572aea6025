namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>How <see cref="PositionSizing"/> turns an order without an explicit size into lots.</summary>
public enum SizingKind
{
    /// <summary>A fixed number of lots.</summary>
    FixedLots,
    /// <summary>The lots that lose a fixed fraction of equity if the stop-loss is hit at its price.</summary>
    FixedFraction,
}
