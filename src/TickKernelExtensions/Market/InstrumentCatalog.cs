using System.Collections.Frozen;

namespace TickKernelExtensions.Market;

/// <summary>
/// The instrument metadata catalogue. Lookups accept our symbol (<c>EURUSD</c>), the datafeed symbol,
/// the JSON API code (<c>EUR-USD</c>) or a slashed pair (<c>EUR/USD</c>), case-insensitively.
/// An unknown symbol is an error: a decimal factor is never guessed. Thread safe.
/// </summary>
public sealed partial class InstrumentCatalog
{
    private readonly FrozenDictionary<string, Instrument> _byKey;

    /// <summary>Creates a catalogue from explicit entries (tests, or a site-specific list).</summary>
    public InstrumentCatalog(IEnumerable<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var all = instruments.ToList();
        var keys = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        foreach (var instrument in all)
        {
            foreach (var key in KeysOf(instrument))
            {
                if (keys.TryGetValue(key, out var existing) && existing != instrument)
                {
                    throw new ArgumentException(
                        $"Instrument key '{key}' is claimed by both {existing.Symbol} and {instrument.Symbol}.", nameof(instruments));
                }
                keys[key] = instrument;
            }
        }
        _byKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
        All = all;
    }

    /// <summary>The built-in catalogue (the reference table in <c>shared/reference/market-data.md</c>).</summary>
    public static InstrumentCatalog Default { get; } = new(BuiltIn());

    /// <summary>Every instrument, in catalogue order.</summary>
    public IReadOnlyList<Instrument> All { get; }

    /// <summary>Finds an instrument or throws <see cref="MarketDataException"/> of kind <see cref="MarketDataErrorKind.UnknownInstrument"/>.</summary>
    public Instrument Get(string symbol)
    {
        if (TryGet(symbol, out var instrument))
        {
            return instrument;
        }
        var hint = Suggest(symbol);
        throw new MarketDataException(
            MarketDataErrorKind.UnknownInstrument,
            $"Unknown instrument '{symbol}': no decimal factor is known for it, so its prices cannot be decoded. " +
            (hint.Count > 0 ? $"Did you mean {string.Join(", ", hint)}? " : "") +
            $"Known instruments: {All.Count} (see InstrumentCatalog.Default.All).")
        { Field = "symbol", Expected = "a catalogued instrument", Actual = symbol };
    }

    /// <summary>Finds an instrument by any of its keys.</summary>
    public bool TryGet(string? symbol, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Instrument? instrument)
    {
        instrument = null;
        return !string.IsNullOrWhiteSpace(symbol) && _byKey.TryGetValue(Normalise(symbol), out instrument);
    }

    private List<string> Suggest(string symbol)
    {
        var key = Normalise(symbol ?? "");
        return All
            .Select(i => (i.Symbol, Distance: Levenshtein(key, i.Symbol)))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance)
            .Take(3)
            .Select(x => x.Symbol)
            .ToList();
    }

    private static IEnumerable<string> KeysOf(Instrument i) =>
        new[] { i.Symbol, i.DatafeedSymbol, i.ApiCode }.Select(Normalise).Distinct();

    private static string Normalise(string s) =>
        s.Trim().ToUpperInvariant().Replace("/", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
            .Replace(".", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
