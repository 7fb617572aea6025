namespace TickKernelExtensions.Market;

/// <summary>The broad kind of an instrument; it decides the trading calendar.</summary>
public enum AssetClass
{
    Fx,
    Metal,
    Index,
    Commodity,
    Crypto,
}
