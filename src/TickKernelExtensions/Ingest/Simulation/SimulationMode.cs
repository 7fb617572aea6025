namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>How the <see cref="MarketSimulator"/> moves prices.</summary>
public enum SimulationMode
{
    /// <summary>
    /// A market with structure: intraday seasonality of tick rate, volatility and spread, wider spreads
    /// around the daily rollover, hidden calm/trending/volatile regimes, weekend gaps, injected bad ticks
    /// (spikes, crossed quotes) and missing hours. The default.
    /// </summary>
    Realistic,

    /// <summary>
    /// A driftless random walk with nothing to exploit: the bid moves by plus or minus a constant number
    /// of points on every tick with equal probability, constant spread, Poisson arrivals at a constant
    /// rate, no seasonality, no regimes, no bad ticks, no missing hours. Weekends are still closed (the
    /// walk simply pauses), so the mirror keeps the datafeed's shape. For backtest-integrity tests: any
    /// strategy that profits on it is leaking the future.
    /// </summary>
    RandomWalk,
}
