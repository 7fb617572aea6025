namespace TickKernelExtensions.Modeling.Labels;

/// <summary>
/// The side of a position. A long enters at the ask and exits at the bid; a short enters at the bid and exits at
/// the ask. The values are the signs used in return arithmetic.
/// </summary>
public enum TradeSide : sbyte
{
    /// <summary>Sell first, buy back later.</summary>
    Short = -1,
    /// <summary>Buy first, sell later.</summary>
    Long = 1,
}
