namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// The hour-level skeleton of one simulated hour, fixed before any tick is generated: the ticks of the
/// hour then follow from it and the hour's own random stream alone.
/// </summary>
/// <param name="Status">Trading, closed or missing.</param>
/// <param name="Regime">The regime in force.</param>
/// <param name="TickCount">Ticks in the hour (0 when closed or missing).</param>
/// <param name="SpikeCount">Injected spikes among them.</param>
/// <param name="CrossedCount">Injected crossed quotes among them.</param>
/// <param name="Open">Realistic: log mid at the hour's start. Random walk: bid in points.</param>
/// <param name="Close">Realistic: log mid at the hour's end. Random walk: bid in points after the last tick.</param>
/// <param name="Sigma">Realistic: the hour's standard deviation of log returns. Random walk: unused.</param>
internal readonly record struct HourPlan(
    HourStatus Status,
    MarketRegime Regime,
    int TickCount,
    int SpikeCount,
    int CrossedCount,
    double Open,
    double Close,
    double Sigma);
