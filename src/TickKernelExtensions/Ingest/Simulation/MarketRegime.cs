namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>The hidden state of a realistic simulation; it switches every few days (a Markov chain).</summary>
public enum MarketRegime
{
    /// <summary>Low volatility, fewer ticks, tighter spreads, no drift.</summary>
    Calm,
    /// <summary>Normal volatility with a persistent drift up or down.</summary>
    Trending,
    /// <summary>High volatility, more ticks, wider spreads, no drift.</summary>
    Volatile,
}
