using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// The built-in market: a deterministic, seeded tick simulator whose output is a Dukascopy datafeed
/// mirror (<see cref="WriteMirrorAsync"/>), the embedded default the demo and the tests use instead of the
/// internet.
/// <para>
/// Two levels make it both continuous and parallel. The constructor makes one cheap sequential pass per
/// symbol (the plan): each hour's status, regime, tick count, bad-tick counts and the price at each hour
/// boundary. The ticks of an hour then depend only on the plan and a random stream keyed by
/// (seed, symbol, hour), so hours can be generated alone, in parallel and in any order with identical
/// results, and a path joins up exactly across hours. All arithmetic is portable, so the same options give
/// the same ticks on every machine. No wall clock is read.
/// </para>
/// Thread safe after construction.
/// </summary>
public sealed partial class MarketSimulator
{
    private readonly SymbolPlan[] _plans;
    private readonly InstrumentCatalog _catalog;

    /// <summary>Validates the options and plans the run (cheap: no ticks are generated yet).</summary>
    /// <param name="options">The run's settings; default <c>new MarketSimulatorOptions()</c>.</param>
    /// <param name="catalog">Where symbols are resolved; default <see cref="InstrumentCatalog.Default"/>.</param>
    /// <exception cref="MarketDataException">Kind <see cref="MarketDataErrorKind.InvalidOptions"/>, listing every bad field.</exception>
    public MarketSimulator(MarketSimulatorOptions? options = null, InstrumentCatalog? catalog = null)
    {
        Options = options ?? new MarketSimulatorOptions();
        _catalog = catalog ?? InstrumentCatalog.Default;
        Options.Validate(_catalog);
        StartUtc = DateTime.SpecifyKind(Options.StartUtc, DateTimeKind.Utc);
        EndUtc = DateTime.SpecifyKind(Options.EndUtc, DateTimeKind.Utc);
        HourCount = checked((int)((EndUtc - StartUtc).Ticks / TimeSpan.TicksPerHour));
        Instruments = Options.ResolveInstruments(_catalog);
        _plans = Instruments.Select(i => SymbolPlan.Build(Options, i, StartUtc, HourCount)).ToArray();
        Manifest = new SimulationManifest(Options, _plans.Select(GroundTruth).ToList());
    }

    /// <summary>The validated options.</summary>
    public MarketSimulatorOptions Options { get; }

    /// <summary>The simulated instruments, in option order.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>First simulated hour (UTC).</summary>
    public DateTime StartUtc { get; }

    /// <summary>Exclusive end (UTC).</summary>
    public DateTime EndUtc { get; }

    /// <summary>Hours in the window, per symbol.</summary>
    public int HourCount { get; }

    /// <summary>The ground truth of the run (known from the plan, before any tick is generated).</summary>
    public SimulationManifest Manifest { get; }

    /// <summary>
    /// Generates one hour of one symbol. The result is the same whether the hour is generated alone or
    /// as part of a full run, and does not depend on what was generated before.
    /// </summary>
    /// <param name="symbol">A simulated symbol (any catalogue key).</param>
    /// <param name="hourStartUtc">A whole UTC hour in <c>[StartUtc, EndUtc)</c>.</param>
    public SimulatedHour GenerateHour(string symbol, DateTime hourStartUtc)
    {
        var plan = PlanOf(symbol);
        return Generate(plan, HourIndex(hourStartUtc));
    }

    /// <summary>Generates every hour of one symbol in time order, lazily (one hour in memory at a time).</summary>
    public IEnumerable<SimulatedHour> GenerateSymbol(string symbol)
    {
        var plan = PlanOf(symbol);
        return Hours(plan);

        IEnumerable<SimulatedHour> Hours(SymbolPlan p)
        {
            for (var h = 0; h < HourCount; h++)
            {
                yield return Generate(p, h);
            }
        }
    }

    private SymbolPlan PlanOf(string symbol)
    {
        var instrument = _catalog.Get(symbol);
        return _plans.FirstOrDefault(p => p.Instrument.Symbol == instrument.Symbol)
            ?? throw new ArgumentException(
                $"Symbol '{symbol}' is not simulated in this run ({string.Join(", ", Instruments)}).", nameof(symbol));
    }

    private int HourIndex(DateTime hourStartUtc)
    {
        var t = hourStartUtc.Kind == DateTimeKind.Local ? hourStartUtc.ToUniversalTime() : hourStartUtc;
        if (t.Ticks % TimeSpan.TicksPerHour != 0 || t.Ticks < StartUtc.Ticks || t.Ticks >= EndUtc.Ticks)
        {
            throw new ArgumentOutOfRangeException(nameof(hourStartUtc), hourStartUtc,
                $"Expected a whole UTC hour in [{StartUtc:yyyy-MM-dd HH:mm}, {EndUtc:yyyy-MM-dd HH:mm}).");
        }
        return (int)((t.Ticks - StartUtc.Ticks) / TimeSpan.TicksPerHour);
    }

    private SimulatedHour Generate(SymbolPlan plan, int hourIndex)
    {
        var hour = plan.Hours[hourIndex];
        var start = StartUtc.AddHours(hourIndex);
        MarketRegime? regime = Options.Mode == SimulationMode.Realistic ? hour.Regime : null;
        if (hour.Status != HourStatus.Trading)
        {
            return new SimulatedHour(plan.Instrument, start, hour.Status, regime, new TickColumns(0), [], []);
        }
        var hourNumber = (start - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerHour;
        var rng = SimRandom.For(Options.Seed, plan.SymbolKey, hourNumber, RandomPurpose.Ticks);
        return Options.Mode switch
        {
            SimulationMode.RandomWalk => GenerateRandomWalk(plan, hour, start, rng),
            SimulationMode.PlantedEdge => GeneratePlantedEdge(plan, hour, start, rng),
            _ => GenerateRealistic(plan, hour, start, regime!.Value, rng),
        };
    }

    private SymbolGroundTruth GroundTruth(SymbolPlan plan)
    {
        long ticks = 0, spikes = 0, crossed = 0;
        int trading = 0, closed = 0;
        var missing = new List<DateTime>();
        for (var h = 0; h < plan.Hours.Length; h++)
        {
            var hour = plan.Hours[h];
            switch (hour.Status)
            {
                case HourStatus.Trading:
                    trading++;
                    ticks += hour.TickCount;
                    spikes += hour.SpikeCount;
                    crossed += hour.CrossedCount;
                    break;
                case HourStatus.Closed:
                    closed++;
                    break;
                default:
                    missing.Add(StartUtc.AddHours(h));
                    break;
            }
        }
        return new SymbolGroundTruth(plan.Instrument.Symbol, plan.Instrument.DatafeedSymbol, plan.Profile,
            ticks, trading, closed, missing, spikes, crossed, plan.Regimes);
    }
}
