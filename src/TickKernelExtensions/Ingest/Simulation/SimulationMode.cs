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

    /// <summary>
    /// <see cref="RandomWalk"/> with one planted, learnable dependence, for model-integrity tests: the bid's
    /// next step is up with probability <c>q + k·sign(r)</c>, where q = (up-steps left) / (ticks left) is the
    /// random walk's own draw (about 1/2, it makes the hour end at the planned close), <c>k =</c>
    /// <see cref="MarketSimulator.PlantedEdgeStrength"/> and r is the bid's change over the last
    /// <see cref="MarketSimulator.PlantedEdgeLookback"/> (from the hour's open when the hour is younger): short-term
    /// momentum. Everything else (plan, arrivals, spread, volumes, hour closes) is the random walk's. The edge is
    /// per tick, so what it is worth per minute grows with the tick rate. A model on past log returns should find it;
    /// one on <see cref="RandomWalk"/> must not.
    /// </summary>
    PlantedEdge,
}
