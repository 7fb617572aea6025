using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// Settings of the built-in market (<see cref="MarketSimulator"/>). Every field has a documented default;
/// the defaults give the demo data set: three weeks of EURUSD, USDJPY and XAUUSD around the 2024 US
/// daylight-saving change. Output depends only on these values (never on the machine, the clock or the
/// degree of parallelism), so a run is reproduced by its options.
/// </summary>
public sealed record MarketSimulatorOptions
{
    /// <summary>The default symbols: EURUSD, USDJPY, XAUUSD.</summary>
    public static IReadOnlyList<string> DefaultSymbols { get; } = ["EURUSD", "USDJPY", "XAUUSD"];

    /// <summary>
    /// Instruments to simulate, any key the catalogue accepts (<c>EURUSD</c>, <c>EUR/USD</c>, <c>BTC-USD</c>).
    /// Default <see cref="DefaultSymbols"/>. Each symbol's ticks depend only on the seed, the window and the
    /// symbol itself, not on which other symbols are listed. (Record equality compares the list by reference.)
    /// </summary>
    public IReadOnlyList<string> Symbols { get; init; } = DefaultSymbols;

    /// <summary>
    /// First hour simulated, UTC, on a whole hour. Default 2024-03-04 00:00 (a Monday). The price starts at
    /// the instrument's <see cref="InstrumentProfile.StartPrice"/> here, whatever the date.
    /// </summary>
    public DateTime StartUtc { get; init; } = new(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Exclusive end, UTC, on a whole hour. Default 2024-03-25 00:00: three weeks that include the US switch
    /// to daylight saving on 2024-03-10, so the weekend closure moves from 22:00 to 21:00 UTC.
    /// </summary>
    public DateTime EndUtc { get; init; } = new(2024, 3, 25, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The random seed. Default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>How prices move. Default <see cref="SimulationMode.Realistic"/>.</summary>
    public SimulationMode Mode { get; init; } = SimulationMode.Realistic;

    /// <summary>
    /// Multiplies every instrument's tick rate (<see cref="InstrumentProfile.TicksPerSecond"/>). Default 1:
    /// EURUSD then averages 1 to 1.5 ticks/s over trading hours (the regimes move it), 8,000 to 10,000
    /// ticks in a London/New York overlap hour with busy minutes of about 10 ticks/s, and the default run holds
    /// about 4.3 million ticks. Use 0.01 to 0.05 for small test data; hourly volatility stays the same.
    /// (0, 100].
    /// </summary>
    public double TickRateScale { get; init; } = 1.0;

    /// <summary>Multiplies every instrument's annual volatility. Default 1. [0, 100].</summary>
    public double VolatilityScale { get; init; } = 1.0;

    /// <summary>Multiplies every instrument's typical spread (never below one point). Default 1. (0, 100].</summary>
    public double SpreadScale { get; init; } = 1.0;

    /// <summary>
    /// Probability that a tick is a spike: one tick 10 to 30 hourly standard deviations off the mid, still
    /// inside the instrument's plausible range so it passes ingestion and reaches cleaning. Default 5e-5
    /// (about one in 20,000 ticks). Realistic mode only. [0, 0.01].
    /// </summary>
    public double SpikeRate { get; init; } = 5e-5;

    /// <summary>
    /// Probability that a tick is a crossed quote (ask below bid: the two sides swapped). Default 2e-5.
    /// Realistic mode only. [0, 0.01].
    /// </summary>
    public double CrossedQuoteRate { get; init; } = 2e-5;

    /// <summary>
    /// Probability that a trading hour's file is absent from the mirror (the price still moves through it).
    /// Default 0.005 (one or two per symbol in three weeks). Realistic mode only. [0, 0.5].
    /// </summary>
    public double MissingHourRate { get; init; } = 0.005;

    /// <summary>Mean length of a regime, in hours (the chain leaves a regime with probability 1/this each hour).
    /// Default 72 (three days). Realistic mode only. [1, 1,000,000].</summary>
    public double MeanRegimeHours { get; init; } = 72;

    /// <summary>
    /// Spread multiple at the daily rollover (17:00 New York); it falls linearly to 1 at 30 minutes either
    /// side. Default 4 (EURUSD: about 3 pips at the peak). Realistic mode only. [1, 100].
    /// </summary>
    public double RolloverSpreadMultiplier { get; init; } = 4;

    /// <summary>
    /// Hours generated and written at once by <see cref="MarketSimulator.WriteMirrorAsync"/>. Default null:
    /// <see cref="Environment.ProcessorCount"/>. Does not change the output. At least 1.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// The raw-zone source name of this simulation, <c>builtin-&lt;fingerprint&gt;</c>: simulated data never
    /// mixes with real Dukascopy data, and changing any option that shapes the ticks (seed, mode, window,
    /// scales, rates) gives a new source instead of a write-once conflict or stale hours.
    /// </summary>
    public string SourceName => "builtin-" + SimulationJson.Fingerprint(this);

    /// <summary>
    /// Checks every field and throws one <see cref="MarketDataException"/> of kind
    /// <see cref="MarketDataErrorKind.InvalidOptions"/> listing all the problems found.
    /// </summary>
    /// <param name="catalog">Where symbols are looked up; default <see cref="InstrumentCatalog.Default"/>.</param>
    public void Validate(InstrumentCatalog? catalog = null)
    {
        var problems = new List<(string Field, string Expected, string Actual)>();
        CheckSymbols(catalog ?? InstrumentCatalog.Default, problems);
        CheckWindow(problems);
        if (!Enum.IsDefined(Mode))
        {
            problems.Add((nameof(Mode), "Realistic, RandomWalk or PlantedEdge", Mode.ToString()));
        }
        Range(problems, nameof(TickRateScale), TickRateScale, 0, 100, lowInclusive: false);
        Range(problems, nameof(VolatilityScale), VolatilityScale, 0, 100, lowInclusive: true);
        Range(problems, nameof(SpreadScale), SpreadScale, 0, 100, lowInclusive: false);
        Range(problems, nameof(SpikeRate), SpikeRate, 0, 0.01, lowInclusive: true);
        Range(problems, nameof(CrossedQuoteRate), CrossedQuoteRate, 0, 0.01, lowInclusive: true);
        Range(problems, nameof(MissingHourRate), MissingHourRate, 0, 0.5, lowInclusive: true);
        Range(problems, nameof(MeanRegimeHours), MeanRegimeHours, 1, 1_000_000, lowInclusive: true);
        Range(problems, nameof(RolloverSpreadMultiplier), RolloverSpreadMultiplier, 1, 100, lowInclusive: true);
        if (MaxDegreeOfParallelism is < 1)
        {
            problems.Add((nameof(MaxDegreeOfParallelism), "null or at least 1", Format(MaxDegreeOfParallelism.Value)));
        }
        if (problems.Count == 0)
        {
            return;
        }
        var lines = problems.Select(p => $"  {p.Field}: expected {p.Expected}, actual {p.Actual}");
        throw new MarketDataException(
            MarketDataErrorKind.InvalidOptions,
            $"Invalid {nameof(MarketSimulatorOptions)} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):{Environment.NewLine}" +
            string.Join(Environment.NewLine, lines))
        {
            Field = string.Join(", ", problems.Select(p => p.Field)),
        };
    }

    /// <summary>The instruments of <see cref="Symbols"/>, in order; call after <see cref="Validate"/>.</summary>
    internal IReadOnlyList<Instrument> ResolveInstruments(InstrumentCatalog catalog) =>
        Symbols.Select(catalog.Get).ToList();

    private void CheckSymbols(InstrumentCatalog catalog, List<(string, string, string)> problems)
    {
        if (Symbols is null || Symbols.Count == 0)
        {
            problems.Add((nameof(Symbols), "at least one catalogued symbol", Symbols is null ? "null" : "an empty list"));
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in Symbols)
        {
            if (!catalog.TryGet(symbol, out var instrument))
            {
                problems.Add((nameof(Symbols), "catalogued symbols (see InstrumentCatalog.Default.All)", symbol ?? "null"));
            }
            else if (!seen.Add(instrument.Symbol))
            {
                problems.Add((nameof(Symbols), "each instrument once", $"{symbol} ({instrument.Symbol} repeated)"));
            }
        }
    }

    private void CheckWindow(List<(string, string, string)> problems)
    {
        foreach (var (name, value) in new[] { (nameof(StartUtc), StartUtc), (nameof(EndUtc), EndUtc) })
        {
            if (value.Kind == DateTimeKind.Local)
            {
                problems.Add((name, "a UTC time (Kind Utc or Unspecified)", Format(value) + " (Kind Local)"));
            }
            else if (value.Ticks % TimeSpan.TicksPerHour != 0)
            {
                problems.Add((name, "a whole hour", Format(value)));
            }
        }
        if (EndUtc <= StartUtc)
        {
            problems.Add((nameof(EndUtc), $"after {nameof(StartUtc)} {Format(StartUtc)}", Format(EndUtc)));
        }
        else if ((EndUtc - StartUtc).TotalDays > 3660)
        {
            problems.Add((nameof(EndUtc), "at most 10 years after StartUtc (a guard against unit mistakes)", Format(EndUtc)));
        }
    }

    private static void Range(List<(string, string, string)> problems, string name, double value, double low, double high, bool lowInclusive)
    {
        var ok = double.IsFinite(value) && (lowInclusive ? value >= low : value > low) && value <= high;
        if (!ok)
        {
            var expected = string.Create(CultureInfo.InvariantCulture, $"{(lowInclusive ? "[" : "(")}{low}, {high}]");
            problems.Add((name, expected, Format(value)));
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
