namespace TickKernelExtensions.Processing.Bars;

/// <summary>Which quote volumes a volume or dollar bar counts. A NaN (not provided) volume counts as 0.</summary>
public enum VolumeSide
{
    /// <summary>Bid volume plus ask volume (the default).</summary>
    Both,
    /// <summary>Bid volume only (what Dukascopy's BID candles sum).</summary>
    Bid,
    /// <summary>Ask volume only.</summary>
    Ask,
}
