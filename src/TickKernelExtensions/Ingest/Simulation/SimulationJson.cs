using System.Globalization;
using System.Text.Json;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// Writes <c>simulation.json</c>, the self-description of a mirror: the options that reproduce it and the
/// ground truth (tick, bad-tick and file counts per symbol, missing hours, regime timeline). Written by
/// hand with <see cref="Utf8JsonWriter"/> so that the bytes are a pure function of the run: fixed
/// property order, invariant culture, UTC times with a Z, shortest round-trip numbers, LF line ends.
/// The degree of parallelism is left out: it does not change the output.
/// </summary>
internal static class SimulationJson
{
    public const string FileName = "simulation.json";
    public const string Format = "tick-kernel-extensions/market-simulation";
    public const int FormatVersion = 1;

    public static byte[] Write(SimulationManifest manifest, IReadOnlyDictionary<string, long> bi5BytesBySymbol)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteString("layout", "<DatafeedSymbol>/<YYYY>/<MM zero-based>/<DD>/<HH>h_ticks.bi5; closed hours 0 bytes; missing hours absent");
            WriteOptions(w, manifest.Options);
            w.WriteStartObject("totals");
            w.WriteNumber("ticks", manifest.Symbols.Sum(s => s.Ticks));
            w.WriteNumber("spikes", manifest.Symbols.Sum(s => s.Spikes));
            w.WriteNumber("crossedQuotes", manifest.Symbols.Sum(s => s.CrossedQuotes));
            w.WriteNumber("tradingHours", manifest.Symbols.Sum(s => s.TradingHours));
            w.WriteNumber("closedHours", manifest.Symbols.Sum(s => s.ClosedHours));
            w.WriteNumber("missingHours", manifest.Symbols.Sum(s => s.MissingHours.Count));
            w.WriteNumber("bi5Bytes", bi5BytesBySymbol.Values.Sum());
            w.WriteEndObject();
            w.WriteStartArray("symbols");
            foreach (var s in manifest.Symbols)
            {
                WriteSymbol(w, s, bi5BytesBySymbol.GetValueOrDefault(s.Symbol));
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// A short hex digest of every option that shapes the ticks, symbols excepted (a symbol's ticks do not
    /// depend on which other symbols are simulated): two runs with the same fingerprint serve the same
    /// bytes for the same symbol and hour.
    /// </summary>
    public static string Fingerprint(MarketSimulatorOptions o)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            WriteOptions(w, o with { Symbols = [] });
            w.WriteEndObject();
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.ToArray()))[..8];
    }

    private static void WriteOptions(Utf8JsonWriter w, MarketSimulatorOptions o)
    {
        w.WriteStartObject("options");
        w.WriteStartArray("symbols");
        foreach (var symbol in o.Symbols)
        {
            w.WriteStringValue(symbol);
        }
        w.WriteEndArray();
        w.WriteString("startUtc", Time(o.StartUtc));
        w.WriteString("endUtc", Time(o.EndUtc));
        w.WriteNumber("seed", o.Seed);
        w.WriteString("mode", o.Mode.ToString());
        w.WriteNumber("tickRateScale", o.TickRateScale);
        w.WriteNumber("volatilityScale", o.VolatilityScale);
        w.WriteNumber("spreadScale", o.SpreadScale);
        w.WriteNumber("spikeRate", o.SpikeRate);
        w.WriteNumber("crossedQuoteRate", o.CrossedQuoteRate);
        w.WriteNumber("missingHourRate", o.MissingHourRate);
        w.WriteNumber("meanRegimeHours", o.MeanRegimeHours);
        w.WriteNumber("rolloverSpreadMultiplier", o.RolloverSpreadMultiplier);
        w.WriteEndObject();
    }

    private static void WriteSymbol(Utf8JsonWriter w, SymbolGroundTruth s, long bi5Bytes)
    {
        w.WriteStartObject();
        w.WriteString("symbol", s.Symbol);
        w.WriteString("datafeedSymbol", s.DatafeedSymbol);
        w.WriteStartObject("profile");
        w.WriteNumber("startPrice", s.Profile.StartPrice);
        w.WriteNumber("annualVolatility", s.Profile.AnnualVolatility);
        w.WriteNumber("ticksPerSecond", s.Profile.TicksPerSecond);
        w.WriteNumber("typicalSpread", s.Profile.TypicalSpread);
        w.WriteNumber("volumeMedian", s.Profile.VolumeMedian);
        w.WriteEndObject();
        w.WriteNumber("ticks", s.Ticks);
        w.WriteNumber("tradingHours", s.TradingHours);
        w.WriteNumber("closedHours", s.ClosedHours);
        w.WriteNumber("spikes", s.Spikes);
        w.WriteNumber("crossedQuotes", s.CrossedQuotes);
        w.WriteNumber("bi5Bytes", bi5Bytes);
        w.WriteStartArray("missingHours");
        foreach (var hour in s.MissingHours)
        {
            w.WriteStringValue(Time(hour));
        }
        w.WriteEndArray();
        w.WriteStartArray("regimes");
        foreach (var r in s.Regimes)
        {
            w.WriteStartObject();
            w.WriteString("startUtc", Time(r.StartUtc));
            w.WriteString("endUtc", Time(r.EndUtc));
            w.WriteString("regime", r.Regime.ToString());
            w.WriteNumber("trendDirection", r.TrendDirection);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
