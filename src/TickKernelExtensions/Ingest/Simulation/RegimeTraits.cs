namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// How a regime changes the market. The volatility multipliers are chosen so that their mean variance
/// over the (uniform) stationary distribution is 1: the profile's annual volatility stays the long-run
/// average. Likewise the tick-rate multipliers average 1.
/// </summary>
/// <param name="Volatility">Multiplies the hourly volatility.</param>
/// <param name="TickRate">Multiplies the tick rate.</param>
/// <param name="Spread">Multiplies the spread.</param>
/// <param name="DriftSigmas">Drift per hour, in hourly standard deviations, in the trend's direction.</param>
internal readonly record struct RegimeTraits(double Volatility, double TickRate, double Spread, double DriftSigmas)
{
    public static RegimeTraits For(MarketRegime regime) => regime switch
    {
        MarketRegime.Calm => new(0.50, 0.75, 0.85, 0.0),
        MarketRegime.Trending => new(0.80, 0.95, 1.00, 0.12),
        _ => new(1.45, 1.30, 1.50, 0.0),
    };
}
