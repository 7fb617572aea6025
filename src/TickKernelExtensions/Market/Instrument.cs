namespace TickKernelExtensions.Market;

/// <summary>
/// One tradable instrument as Dukascopy publishes it. Prices on the wire are integers in points:
/// <c>price = points / DecimalFactor</c>. Immutable; obtain instances from <see cref="InstrumentCatalog"/>.
/// </summary>
/// <param name="Symbol">Our canonical symbol, upper case, e.g. <c>EURUSD</c>.</param>
/// <param name="DatafeedSymbol">The path segment of the legacy bi5 datafeed, e.g. <c>USA500IDXUSD</c>.</param>
/// <param name="ApiCode">The JSON API code, e.g. <c>EUR-USD</c> or <c>USA500.IDX-USD</c>.</param>
/// <param name="Description">Human description.</param>
/// <param name="DecimalFactor">Points per price unit (10, 1000, 100000 …).</param>
/// <param name="PriceDecimals">Digits after the decimal point in a quoted price.</param>
/// <param name="FirstTickUtc">The first tick Dukascopy has (a hint: metadata versions differ).</param>
/// <param name="AssetClass">Decides the trading calendar.</param>
/// <param name="PlausibleLow">Lowest price (inclusive) accepted by the wrong-scale sanity check.</param>
/// <param name="PlausibleHigh">Highest price (inclusive) accepted by the wrong-scale sanity check.</param>
public sealed record Instrument(
    string Symbol,
    string DatafeedSymbol,
    string ApiCode,
    string Description,
    int DecimalFactor,
    int PriceDecimals,
    DateTime FirstTickUtc,
    AssetClass AssetClass,
    double PlausibleLow,
    double PlausibleHigh)
{
    /// <summary>The price of one point, <c>1 / DecimalFactor</c>.</summary>
    public double Point => 1.0 / DecimalFactor;

    /// <summary>Converts wire points to a price.</summary>
    public double ToPrice(uint points) => points / (double)DecimalFactor;

    /// <summary>Converts a price to wire points, rounding to the nearest point.</summary>
    public uint ToPoints(double price) => checked((uint)Math.Round(price * DecimalFactor, MidpointRounding.AwayFromZero));

    /// <summary>True when <paramref name="price"/> lies in the plausible range (the wrong-scale check).</summary>
    public bool IsPlausible(double price) => price >= PlausibleLow && price <= PlausibleHigh;

    /// <inheritdoc />
    public override string ToString() => Symbol;
}
