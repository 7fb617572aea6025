namespace TickKernelExtensions.Market;

/// <summary>What is wrong with a tick.</summary>
public enum TickIssue
{
    /// <summary>A price is NaN or infinite.</summary>
    NonFinitePrice,
    /// <summary>A price is zero or negative.</summary>
    NonPositivePrice,
    /// <summary>A price is far outside the instrument's plausible range: the classic wrong-scale bug.</summary>
    ImplausiblePrice,
    /// <summary>The ask is below the bid.</summary>
    CrossedQuote,
    /// <summary>A volume is negative or infinite.</summary>
    InvalidVolume,
    /// <summary>The timestamp is earlier than the previous tick's.</summary>
    OutOfOrder,
    /// <summary>The tick repeats the previous one exactly (same timestamp, prices and volumes).</summary>
    DuplicateTick,
}
