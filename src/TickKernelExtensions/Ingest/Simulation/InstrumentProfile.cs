using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// The market parameters the simulator uses for one instrument. <see cref="For"/> knows approximate
/// March 2024 levels for the commonly used instruments (EURUSD 1.09, USDJPY 148, XAUUSD 2150,
/// BTCUSD 65,000 …); any other catalogued instrument starts at the middle of its plausible range in
/// log space with its asset class's volatility, tick rate and spread.
/// </summary>
/// <param name="StartPrice">Mid price at the start of a run, in price units.</param>
/// <param name="AnnualVolatility">Annualised volatility of log returns (0.07 = 7 %).</param>
/// <param name="TicksPerSecond">Tick rate of an average trading hour in a neutral regime (realistic mode: the London/New York overlap runs about 2.5x this, the hour after the rollover about 0.1x).</param>
/// <param name="TypicalSpread">Average spread at <see cref="StartPrice"/>, in price units; it scales with the price.</param>
/// <param name="VolumeMedian">Median tick volume, in millions of base units (the bi5 unit).</param>
/// <param name="VolumeStep">Volumes are whole multiples of this (Dukascopy FX volumes come in 0.01 steps).</param>
/// <param name="VolumeMin">Smallest volume (FX: 1.0, Dukascopy's one-million minimum).</param>
public sealed record InstrumentProfile(
    double StartPrice,
    double AnnualVolatility,
    double TicksPerSecond,
    double TypicalSpread,
    double VolumeMedian,
    double VolumeStep,
    double VolumeMin)
{
    /// <summary>The profile of <paramref name="instrument"/>.</summary>
    public static InstrumentProfile For(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var (median, step, min) = Volumes(instrument.AssetClass);
        var known = instrument.Symbol switch
        {
            "EURUSD" => (1.0900, 0.07, 1.0, 0.000025),
            "GBPUSD" => (1.2700, 0.08, 0.9, 0.00004),
            "USDJPY" => (148.00, 0.09, 0.9, 0.004),
            "USDCHF" => (0.8850, 0.08, 0.6, 0.00004),
            "AUDUSD" => (0.6550, 0.10, 0.7, 0.00003),
            "USDCAD" => (1.3550, 0.07, 0.6, 0.00004),
            "NZDUSD" => (0.6100, 0.10, 0.5, 0.00004),
            "EURGBP" => (0.8550, 0.06, 0.5, 0.00004),
            "EURJPY" => (161.00, 0.09, 0.7, 0.008),
            "GBPJPY" => (189.00, 0.10, 0.6, 0.015),
            "XAUUSD" => (2150.0, 0.15, 1.2, 0.25),
            "XAGUSD" => (24.000, 0.25, 0.6, 0.02),
            "BTCUSD" => (65000.0, 0.55, 1.5, 75.0),
            "ETHUSD" => (3500.0, 0.65, 1.0, 5.0),
            "USA500IDXUSD" => (5100.0, 0.14, 0.8, 0.4),
            "DEUIDXEUR" => (17700.0, 0.14, 0.8, 1.0),
            "LIGHTCMDUSD" => (79.000, 0.32, 0.7, 0.03),
            "BRENTCMDUSD" => (83.000, 0.30, 0.6, 0.03),
            _ => ((double Start, double Vol, double Rate, double Spread)?)null,
        };
        if (known is { } k)
        {
            return new InstrumentProfile(k.Start, k.Vol, k.Rate, k.Spread, median, step, min);
        }
        var mid = Math.Sqrt(instrument.PlausibleLow * instrument.PlausibleHigh);
        var (classVol, classRate, relativeSpread) = instrument.AssetClass switch
        {
            AssetClass.Fx => (0.10, 0.5, 4e-5),
            AssetClass.Metal => (0.20, 0.5, 2e-4),
            AssetClass.Index => (0.16, 0.6, 1e-4),
            AssetClass.Commodity => (0.35, 0.5, 4e-4),
            _ => (0.60, 0.8, 1.2e-3),
        };
        return new InstrumentProfile(mid, classVol, classRate, mid * relativeSpread, median, step, min);
    }

    private static (double Median, double Step, double Min) Volumes(AssetClass assetClass) => assetClass switch
    {
        // Millions of base units: FX trades in lots of at least 1M; an ounce, contract or coin is tiny.
        AssetClass.Fx => (1.7, 0.01, 1.0),
        AssetClass.Metal => (0.0003, 0.00001, 0.00001),
        AssetClass.Index => (0.0002, 0.00001, 0.00001),
        AssetClass.Commodity => (0.0005, 0.00001, 0.00001),
        _ => (0.000002, 0.000001, 0.000001),
    };
}
