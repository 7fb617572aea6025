namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>What a simulation put into the mirror for one symbol: the ground truth the pipeline's
/// gap report and cleaning stage are checked against.</summary>
/// <param name="Symbol">Canonical symbol.</param>
/// <param name="DatafeedSymbol">Folder name in the mirror.</param>
/// <param name="Profile">The market parameters used.</param>
/// <param name="Ticks">Ticks in all trading hours.</param>
/// <param name="TradingHours">Hours with a bi5 file (including the rare trading hour without ticks, a 0-byte file).</param>
/// <param name="ClosedHours">Weekend hours: 0-byte files.</param>
/// <param name="MissingHours">Trading hours deliberately left without a file, ascending (UTC starts).</param>
/// <param name="Spikes">Injected spike ticks.</param>
/// <param name="CrossedQuotes">Injected crossed quotes.</param>
/// <param name="Regimes">The hidden regime timeline (empty in <see cref="SimulationMode.RandomWalk"/>).</param>
public sealed record SymbolGroundTruth(
    string Symbol,
    string DatafeedSymbol,
    InstrumentProfile Profile,
    long Ticks,
    int TradingHours,
    int ClosedHours,
    IReadOnlyList<DateTime> MissingHours,
    long Spikes,
    long CrossedQuotes,
    IReadOnlyList<RegimeSpan> Regimes);
