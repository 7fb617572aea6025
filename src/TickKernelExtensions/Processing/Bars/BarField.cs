namespace TickKernelExtensions.Processing.Bars;

/// <summary>The floating-point columns of <see cref="BarColumns"/>, in storage order.</summary>
public enum BarField
{
    /// <summary>Bid open.</summary>
    BidOpen,
    /// <summary>Bid high.</summary>
    BidHigh,
    /// <summary>Bid low.</summary>
    BidLow,
    /// <summary>Bid close.</summary>
    BidClose,
    /// <summary>Ask open.</summary>
    AskOpen,
    /// <summary>Ask high.</summary>
    AskHigh,
    /// <summary>Ask low.</summary>
    AskLow,
    /// <summary>Ask close.</summary>
    AskClose,
    /// <summary>Mid open.</summary>
    MidOpen,
    /// <summary>Mid high.</summary>
    MidHigh,
    /// <summary>Mid low.</summary>
    MidLow,
    /// <summary>Mid close.</summary>
    MidClose,
    /// <summary>Mean spread.</summary>
    SpreadMean,
    /// <summary>Smallest spread.</summary>
    SpreadMin,
    /// <summary>Largest spread.</summary>
    SpreadMax,
    /// <summary>Bid volume sum.</summary>
    BidVolume,
    /// <summary>Ask volume sum.</summary>
    AskVolume,
}
