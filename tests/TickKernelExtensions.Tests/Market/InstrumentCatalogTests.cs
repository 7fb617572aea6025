using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Market;

public sealed class InstrumentCatalogTests
{
    [Fact]
    public void Default_HasTheReferenceTable()
    {
        var all = InstrumentCatalog.Default.All;
        Assert.Equal(34, all.Count);
        Assert.Equal(34, all.Select(i => i.Symbol).Distinct().Count());
    }

    [Theory]
    [InlineData("EURUSD", 100_000, 5)]
    [InlineData("eur/usd", 100_000, 5)]
    [InlineData("EUR-USD", 100_000, 5)]
    [InlineData("USDJPY", 1_000, 3)]
    [InlineData("XAUUSD", 1_000, 3)]
    [InlineData("USA500.IDX-USD", 1_000, 3)]
    [InlineData("btcusd", 10, 1)]
    public void Get_AnyKey_FindsFactor(string key, int factor, int decimals)
    {
        var instrument = InstrumentCatalog.Default.Get(key);
        Assert.Equal(factor, instrument.DecimalFactor);
        Assert.Equal(decimals, instrument.PriceDecimals);
    }

    [Fact]
    public void Get_UnknownSymbol_ThrowsTypedErrorWithSuggestion()
    {
        var e = Assert.Throws<MarketDataException>(() => InstrumentCatalog.Default.Get("EURUSX"));
        Assert.Equal(MarketDataErrorKind.UnknownInstrument, e.Kind);
        Assert.Contains("EURUSX", e.Message, StringComparison.Ordinal);
        Assert.Contains("EURUSD", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EURUSD", 1.14545, true)]
    [InlineData("EURUSD", 11.4545, false)]   // factor 10x too small
    [InlineData("EURUSD", 0.114545, false)]  // factor 10x too large
    [InlineData("USDJPY", 108.5, true)]
    [InlineData("USDJPY", 1.085, false)]     // JPY pair decoded with 1e5: 100x off (tickterial's bug)
    [InlineData("XAUUSD", 1581.0, true)]
    [InlineData("XAUUSD", 15.81, false)]     // XAU divided by 1e5 (FX-BT-Scripts #97)
    public void IsPlausible_CatchesWrongScale(string symbol, double price, bool plausible) =>
        Assert.Equal(plausible, InstrumentCatalog.Default.Get(symbol).IsPlausible(price));

    [Fact]
    public void Constructor_DuplicateKey_Throws()
    {
        var eur = InstrumentCatalog.Default.Get("EURUSD");
        Assert.Throws<ArgumentException>(() => new InstrumentCatalog([eur, eur with { Description = "other" }]));
    }
}
