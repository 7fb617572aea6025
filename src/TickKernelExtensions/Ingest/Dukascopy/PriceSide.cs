namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>Which side a candle file aggregates.</summary>
public enum PriceSide
{
    Bid,
    Ask,
}
