using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// The ticks of one simulated UTC hour of one instrument, with the ground truth a cleaning stage is
/// checked against: which ticks were injected as spikes or crossed quotes. Prices are exact multiples of
/// the instrument's point; timestamps are whole milliseconds inside the hour, non-decreasing.
/// </summary>
public sealed class SimulatedHour
{
    internal SimulatedHour(Instrument instrument, DateTime hourStartUtc, HourStatus status, MarketRegime? regime,
        TickColumns ticks, IReadOnlyList<int> spikeIndices, IReadOnlyList<int> crossedQuoteIndices)
    {
        Instrument = instrument;
        HourStartUtc = hourStartUtc;
        Status = status;
        Regime = regime;
        Ticks = ticks;
        SpikeIndices = spikeIndices;
        CrossedQuoteIndices = crossedQuoteIndices;
    }

    /// <summary>The instrument.</summary>
    public Instrument Instrument { get; }

    /// <summary>The hour's start, UTC.</summary>
    public DateTime HourStartUtc { get; }

    /// <summary>Trading, closed (no ticks, a 0-byte file) or missing (no ticks, no file).</summary>
    public HourStatus Status { get; }

    /// <summary>The hidden regime in force; null in <see cref="SimulationMode.RandomWalk"/>.</summary>
    public MarketRegime? Regime { get; }

    /// <summary>The ticks, in time order. Empty when the hour is closed or missing.</summary>
    public TickColumns Ticks { get; }

    /// <summary>Indices into <see cref="Ticks"/> of the injected spikes, ascending.</summary>
    public IReadOnlyList<int> SpikeIndices { get; }

    /// <summary>Indices into <see cref="Ticks"/> of the injected crossed quotes (ask below bid), ascending.</summary>
    public IReadOnlyList<int> CrossedQuoteIndices { get; }

    /// <summary>The datafeed file this hour is served as.</summary>
    public DukascopyBucket Bucket => new(Instrument, BucketKind.TickHour, HourStartUtc);

    /// <inheritdoc />
    public override string ToString() => $"{Bucket} {Status} {Ticks.Count} ticks";
}
