namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// The ground truth of a whole simulation, known before any tick is generated (it comes from the
/// hour-level plan): per symbol the tick and bad-tick counts, missing hours and regime timeline.
/// <see cref="MarketSimulator.WriteMirrorAsync"/> writes it, with the options, to <c>simulation.json</c>.
/// </summary>
/// <param name="Options">The options of the run.</param>
/// <param name="Symbols">One entry per simulated symbol, in option order.</param>
public sealed record SimulationManifest(MarketSimulatorOptions Options, IReadOnlyList<SymbolGroundTruth> Symbols)
{
    /// <summary>Ticks over all symbols.</summary>
    public long TotalTicks => Symbols.Sum(s => s.Ticks);

    /// <summary>Every missing (symbol, hour), by symbol then time.</summary>
    public IEnumerable<(string Symbol, DateTime HourStartUtc)> MissingHours =>
        Symbols.SelectMany(s => s.MissingHours.Select(h => (s.Symbol, h)));

    /// <summary>The entry of one symbol (canonical spelling), or an exception naming the symbols present.</summary>
    public SymbolGroundTruth For(string symbol) =>
        Symbols.FirstOrDefault(s => string.Equals(s.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"Symbol '{symbol}' is not in this simulation ({string.Join(", ", Symbols.Select(s => s.Symbol))}).", nameof(symbol));
}
