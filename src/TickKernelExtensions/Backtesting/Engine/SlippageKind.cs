namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>How a <see cref="SlippageModel"/> moves a market-type fill beyond the quote.</summary>
public enum SlippageKind
{
    /// <summary>Fills at the quote.</summary>
    None,
    /// <summary>A fixed number of instrument points (<c>Instrument.Point</c>) against the trader.</summary>
    FixedPoints,
    /// <summary>A fraction of the tick's spread (ask − bid) against the trader.</summary>
    SpreadFraction,
}
