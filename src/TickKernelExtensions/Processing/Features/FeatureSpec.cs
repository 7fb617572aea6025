using System.Collections.Immutable;
using System.Globalization;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// One feature of a <see cref="FeatureSetDefinition"/>: a kind (see <see cref="FeatureKinds"/>) and its parameters
/// as canonical invariant-culture strings, sorted by name (ordinal), so the JSON form and the content hash are
/// deterministic. Build specs with the static factories, which format numbers canonically ("R" for doubles).
/// Immutable; equality is by kind and parameters.
/// </summary>
public sealed record FeatureSpec
{
    /// <summary>Creates a spec; parameter names are sorted ordinally.</summary>
    public FeatureSpec(string kind, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        Kind = kind;
        Parameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, parameters ?? []);
    }

    /// <summary>The feature kind, e.g. <c>log_return</c>.</summary>
    public string Kind { get; }

    /// <summary>Parameters by name, values in canonical invariant form.</summary>
    public ImmutableSortedDictionary<string, string> Parameters { get; }

    /// <summary>Log return of the mid close over <paramref name="horizon"/> bars.</summary>
    public static FeatureSpec LogReturn(int horizon) => new(FeatureKinds.LogReturn, [Int("horizon", horizon)]);

    /// <summary>Realised volatility: sqrt of the sum of squared one-bar log returns over <paramref name="window"/> bars.</summary>
    public static FeatureSpec RealizedVolatility(int window) => new(FeatureKinds.RealizedVolatility, [Int("window", window)]);

    /// <summary>Mean spread relative to the mid close.</summary>
    public static FeatureSpec RelativeSpread() => new(FeatureKinds.RelativeSpread);

    /// <summary>Rolling z-score of the mean spread over <paramref name="window"/> bars.</summary>
    public static FeatureSpec SpreadZScore(int window) => new(FeatureKinds.SpreadZScore, [Int("window", window)]);

    /// <summary>Bid/ask quote-volume imbalance of the bar.</summary>
    public static FeatureSpec QuoteImbalance() => new(FeatureKinds.QuoteImbalance);

    /// <summary>Rolling z-score of the mid close over <paramref name="window"/> bars.</summary>
    public static FeatureSpec MidZScore(int window) => new(FeatureKinds.MidZScore, [Int("window", window)]);

    /// <summary>Fixed-width-window fractional differentiation of the log mid close (AFML ch. 5).</summary>
    public static FeatureSpec FracDiff(double d, double threshold = 1e-4, int maxWidth = 10_000) => new(
        FeatureKinds.FracDiff,
        [Real("d", d), Real("threshold", threshold), Int("max_width", maxWidth)]);

    /// <summary>Sine and cosine of the UTC minute of day of the bar's open time.</summary>
    public static FeatureSpec TimeOfDay() => new(FeatureKinds.TimeOfDay);

    /// <summary>Minutes since the session open (local <paramref name="open"/>, default 17:00, in an IANA zone).</summary>
    public static FeatureSpec Session(string timeZoneId = "America/New_York", TimeOnly? open = null) => new(
        FeatureKinds.Session,
        [new("time_zone", timeZoneId), new("open", (open ?? new TimeOnly(17, 0)).ToString("HH:mm", CultureInfo.InvariantCulture))]);

    /// <inheritdoc />
    public bool Equals(FeatureSpec? other) =>
        other is not null && Kind == other.Kind && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind, StringComparer.Ordinal);
        foreach (var (name, value) in Parameters)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    internal int GetInt(string name, List<string> errors, int min)
    {
        if (!Parameters.TryGetValue(name, out var text)
            || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < min)
        {
            errors.Add($"{Kind}: parameter '{name}' must be an integer ≥ {min}, was '{text ?? "(missing)"}'");
            return min;
        }
        return value;
    }

    internal double GetDouble(string name, List<string> errors, double exclusiveMin, double exclusiveMax)
    {
        if (!Parameters.TryGetValue(name, out var text)
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !(value > exclusiveMin && value < exclusiveMax))
        {
            errors.Add($"{Kind}: parameter '{name}' must be a number in ({exclusiveMin}, {exclusiveMax}), was '{text ?? "(missing)"}'");
            return double.NaN;
        }
        return value;
    }

    internal string? GetString(string name, List<string> errors)
    {
        if (!Parameters.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{Kind}: parameter '{name}' is missing");
            return null;
        }
        return text;
    }

    private static KeyValuePair<string, string> Int(string name, int value) =>
        new(name, value.ToString(CultureInfo.InvariantCulture));

    private static KeyValuePair<string, string> Real(string name, double value) =>
        new(name, value.ToString("R", CultureInfo.InvariantCulture));
}
