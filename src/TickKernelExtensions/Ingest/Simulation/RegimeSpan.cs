namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// One stretch of constant regime in the ground truth, <c>[StartUtc, EndUtc)</c>. Regimes run through
/// closed hours too (time passes; the price does not move).
/// </summary>
/// <param name="StartUtc">First hour of the stretch (UTC).</param>
/// <param name="EndUtc">Exclusive end (UTC).</param>
/// <param name="Regime">The regime.</param>
/// <param name="TrendDirection">+1 or -1 for <see cref="MarketRegime.Trending"/> (the drift's sign); 0 otherwise.</param>
public readonly record struct RegimeSpan(DateTime StartUtc, DateTime EndUtc, MarketRegime Regime, int TrendDirection);
