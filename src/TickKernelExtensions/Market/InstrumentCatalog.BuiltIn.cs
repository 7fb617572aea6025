namespace TickKernelExtensions.Market;

public sealed partial class InstrumentCatalog
{
    // The 34 instruments of the reference table (dukascopy-node metadata; factors checked identical
    // at v1.46.4 and v1.49). Plausible ranges are the instrument's historical range widened about 2x
    // each side, so a price decoded with a factor 10x off falls outside it.
    private static Instrument[] BuiltIn() =>
    [
        new("EURUSD", "EURUSD", "EUR-USD", "Euro vs US Dollar", 100_000, 5, new DateTime(2003, 5, 4, 19, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.5, 2.5),
        new("GBPUSD", "GBPUSD", "GBP-USD", "Pound Sterling vs US Dollar", 100_000, 5, new DateTime(2003, 5, 4, 20, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.7, 3.0),
        new("USDJPY", "USDJPY", "USD-JPY", "US Dollar vs Yen", 1_000, 3, new DateTime(2003, 5, 4, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 50, 400),
        new("USDCHF", "USDCHF", "USD-CHF", "US Dollar vs Swiss Franc", 100_000, 5, new DateTime(2003, 5, 4, 20, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.4, 3.0),
        new("AUDUSD", "AUDUSD", "AUD-USD", "Australian Dollar vs US Dollar", 100_000, 5, new DateTime(2003, 8, 3, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.3, 1.6),
        new("USDCAD", "USDCAD", "USD-CAD", "US Dollar vs Canadian Dollar", 100_000, 5, new DateTime(2003, 8, 3, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.6, 2.4),
        new("NZDUSD", "NZDUSD", "NZD-USD", "New Zealand Dollar vs US Dollar", 100_000, 5, new DateTime(2003, 8, 3, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.25, 1.3),
        new("EURGBP", "EURGBP", "EUR-GBP", "Euro vs Pound Sterling", 100_000, 5, new DateTime(2003, 8, 3, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.4, 1.5),
        new("EURJPY", "EURJPY", "EUR-JPY", "Euro vs Yen", 1_000, 3, new DateTime(2003, 8, 3, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 50, 400),
        new("GBPJPY", "GBPJPY", "GBP-JPY", "Pound Sterling vs Yen", 1_000, 3, new DateTime(2003, 8, 3, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 70, 500),
        new("EURCHF", "EURCHF", "EUR-CHF", "Euro vs Swiss Franc", 100_000, 5, new DateTime(2003, 8, 3, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.6, 2.5),
        new("EURAUD", "EURAUD", "EUR-AUD", "Euro vs Australian Dollar", 100_000, 5, new DateTime(2005, 10, 7, 5, 54, 0, DateTimeKind.Utc), AssetClass.Fx, 0.8, 3.0),
        new("EURCAD", "EURCAD", "EUR-CAD", "Euro vs Canadian Dollar", 100_000, 5, new DateTime(2004, 10, 25, 0, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.8, 2.8),
        new("AUDJPY", "AUDJPY", "AUD-JPY", "Australian Dollar vs Yen", 1_000, 3, new DateTime(2003, 11, 30, 21, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 30, 200),
        new("CHFJPY", "CHFJPY", "CHF-JPY", "Swiss Franc vs Yen", 1_000, 3, new DateTime(2003, 8, 3, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 40, 300),
        new("CADJPY", "CADJPY", "CAD-JPY", "Canadian Dollar vs Yen", 1_000, 3, new DateTime(2004, 10, 25, 0, 1, 0, DateTimeKind.Utc), AssetClass.Fx, 40, 220),
        new("AUDNZD", "AUDNZD", "AUD-NZD", "Australian Dollar vs New Zealand Dollar", 100_000, 5, new DateTime(2006, 12, 12, 0, 1, 0, DateTimeKind.Utc), AssetClass.Fx, 0.6, 2.0),
        new("GBPCHF", "GBPCHF", "GBP-CHF", "Pound Sterling vs Swiss Franc", 100_000, 5, new DateTime(2003, 8, 3, 17, 0, 0, DateTimeKind.Utc), AssetClass.Fx, 0.7, 4.0),
        new("NZDJPY", "NZDJPY", "NZD-JPY", "New Zealand Dollar vs Yen", 1_000, 3, new DateTime(2006, 1, 2, 22, 39, 0, DateTimeKind.Utc), AssetClass.Fx, 25, 180),
        new("USDMXN", "USDMXN", "USD-MXN", "US Dollar vs Mexican Peso", 100_000, 5, new DateTime(2007, 3, 13, 7, 1, 0, DateTimeKind.Utc), AssetClass.Fx, 5, 60),
        new("USDZAR", "USDZAR", "USD-ZAR", "US Dollar vs Rand", 100_000, 5, new DateTime(2003, 8, 3, 17, 3, 0, DateTimeKind.Utc), AssetClass.Fx, 3, 50),
        new("USDTRY", "USDTRY", "USD-TRY", "US Dollar vs Turkish Lira", 100_000, 5, new DateTime(2007, 3, 13, 7, 1, 0, DateTimeKind.Utc), AssetClass.Fx, 0.5, 200),
        new("XAUUSD", "XAUUSD", "XAU-USD", "Gold vs US Dollar", 1_000, 3, new DateTime(2003, 5, 5, 0, 1, 0, DateTimeKind.Utc), AssetClass.Metal, 150, 15000),
        new("XAGUSD", "XAGUSD", "XAG-USD", "Silver vs US Dollar", 1_000, 3, new DateTime(2003, 5, 4, 23, 9, 0, DateTimeKind.Utc), AssetClass.Metal, 2, 200),
        new("USA500IDXUSD", "USA500IDXUSD", "USA500.IDX-USD", "US 500 Index", 1_000, 3, new DateTime(2012, 1, 16, 0, 0, 0, DateTimeKind.Utc), AssetClass.Index, 500, 20000),
        new("USATECHIDXUSD", "USATECHIDXUSD", "USATECH.IDX-USD", "US 100 Tech Index", 1_000, 3, new DateTime(2013, 1, 1, 5, 44, 0, DateTimeKind.Utc), AssetClass.Index, 1000, 60000),
        new("USA30IDXUSD", "USA30IDXUSD", "USA30.IDX-USD", "US 30 Index", 1_000, 3, new DateTime(2013, 1, 1, 5, 44, 0, DateTimeKind.Utc), AssetClass.Index, 5000, 120000),
        new("DEUIDXEUR", "DEUIDXEUR", "DEU.IDX-EUR", "Germany 40 Index", 1_000, 3, new DateTime(2013, 1, 1, 5, 44, 0, DateTimeKind.Utc), AssetClass.Index, 3000, 60000),
        new("GBRIDXGBP", "GBRIDXGBP", "GBR.IDX-GBP", "FTSE 100 Index", 1_000, 3, new DateTime(2013, 1, 1, 3, 51, 0, DateTimeKind.Utc), AssetClass.Index, 2500, 20000),
        new("JPNIDXJPY", "JPNIDXJPY", "JPN.IDX-JPY", "Japan 200+ Index", 1_000, 3, new DateTime(2013, 1, 1, 5, 44, 0, DateTimeKind.Utc), AssetClass.Index, 5000, 100000),
        new("LIGHTCMDUSD", "LIGHTCMDUSD", "LIGHT.CMD-USD", "Light Sweet Crude Oil", 1_000, 3, new DateTime(2013, 1, 1, 5, 44, 0, DateTimeKind.Utc), AssetClass.Commodity, 1, 300),
        new("BRENTCMDUSD", "BRENTCMDUSD", "BRENT.CMD-USD", "Brent Crude Oil", 1_000, 3, new DateTime(2010, 12, 2, 1, 0, 0, DateTimeKind.Utc), AssetClass.Commodity, 5, 300),
        new("BTCUSD", "BTCUSD", "BTC-USD", "Bitcoin vs US Dollar", 10, 1, new DateTime(2017, 5, 7, 23, 59, 0, DateTimeKind.Utc), AssetClass.Crypto, 100, 1000000),
        new("ETHUSD", "ETHUSD", "ETH-USD", "Ether vs US Dollar", 10, 1, new DateTime(2017, 12, 11, 23, 51, 0, DateTimeKind.Utc), AssetClass.Crypto, 10, 100000),
    ];
}
