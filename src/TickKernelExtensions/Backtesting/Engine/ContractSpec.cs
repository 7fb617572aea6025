using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// What one lot of an instrument is, for the account arithmetic: units per lot, the currency prices are quoted in, the
/// smallest and the step of a size. <see cref="For"/> derives the usual retail-FX contract from the catalogue entry
/// (the catalogue holds price scales only); pass your broker's figures through <see cref="BacktestOptions.Contract"/>
/// when they differ. Immutable.
/// </summary>
/// <param name="ContractSize">Units of the base asset per lot (100,000 for FX, 100 oz for gold, …).</param>
/// <param name="BaseCurrency">What is bought (<c>EUR</c> in EURUSD; the index or commodity code otherwise).</param>
/// <param name="QuoteCurrency">The currency of the price and of the raw P&amp;L (<c>USD</c> in EURUSD, <c>JPY</c> in USDJPY).</param>
/// <param name="MinLots">Smallest order size in lots.</param>
/// <param name="LotStep">Sizes are multiples of this (sized orders are rounded down to it).</param>
public sealed record ContractSpec(double ContractSize, string BaseCurrency, string QuoteCurrency, double MinLots = 0.01, double LotStep = 0.01)
{
    /// <summary>
    /// The usual contract for a catalogue instrument: FX 100,000 units; gold 100 oz; silver 5,000 oz; oil 1,000
    /// barrels; indices and crypto 1 unit. Currencies: the first and last three letters of an FX or metal symbol; for
    /// the others the quote currency is the API code's suffix (<c>USA500.IDX-USD</c> → USD).
    /// </summary>
    public static ContractSpec For(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var s = instrument.Symbol;
        var dash = instrument.ApiCode.LastIndexOf('-');
        var quote = dash >= 0 ? instrument.ApiCode[(dash + 1)..] : s[^3..];
        var @base = instrument.AssetClass is AssetClass.Fx or AssetClass.Metal ? s[..3] : (dash >= 0 ? instrument.ApiCode[..dash] : s);
        var size = instrument.AssetClass switch
        {
            AssetClass.Fx => 100_000,
            AssetClass.Metal => s.StartsWith("XAG", StringComparison.Ordinal) ? 5_000 : 100,
            AssetClass.Commodity => 1_000,
            _ => 1.0,
        };
        return new ContractSpec(size, @base, quote);
    }

    internal void Validate(List<string> errors, string prefix)
    {
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (!(ContractSize > 0 && double.IsFinite(ContractSize)))
        {
            errors.Add($"{prefix}.{nameof(ContractSize)} must be positive, was {F(ContractSize)}");
        }
        if (string.IsNullOrWhiteSpace(BaseCurrency))
        {
            errors.Add($"{prefix}.{nameof(BaseCurrency)} must not be empty");
        }
        if (string.IsNullOrWhiteSpace(QuoteCurrency))
        {
            errors.Add($"{prefix}.{nameof(QuoteCurrency)} must not be empty");
        }
        if (!(MinLots > 0 && double.IsFinite(MinLots)))
        {
            errors.Add($"{prefix}.{nameof(MinLots)} must be positive, was {F(MinLots)}");
        }
        if (!(LotStep > 0 && double.IsFinite(LotStep)))
        {
            errors.Add($"{prefix}.{nameof(LotStep)} must be positive, was {F(LotStep)}");
        }
    }
}
