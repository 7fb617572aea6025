using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>
/// Converts given values to the parameters' declared types and writes them as C# expressions that
/// reproduce the value exactly: numbers in invariant round-trip form with their suffix, strings and
/// chars through Roslyn's <c>SymbolDisplay.FormatLiteral</c> (quotes, backslashes, newlines and
/// unicode round-trip), dates and times as invariant <c>ParseExact</c> calls on round-trip formats.
/// </summary>
/// <remarks>
/// Accepted text: integers as <c>int.Parse</c>/<c>long.Parse</c> (invariant); <c>double</c> and
/// <c>float</c> also <c>NaN</c>, <c>Infinity</c>, <c>.inf</c>, <c>.nan</c>; <c>bool</c> is
/// <c>true</c>/<c>false</c> in any case; <c>char</c> one character; <c>DateTime</c> any invariant
/// date or date-time (a <c>Z</c> or offset makes it UTC, otherwise its kind is unspecified);
/// <c>DateOnly</c> an invariant date; <c>TimeSpan</c> <c>[d.]hh:mm[:ss[.fff]]</c> or ISO 8601
/// (<c>PT90M</c>) — a bare number is refused as ambiguous. Arrays: a YAML list, or a <c>-p</c>
/// text that is either a YAML flow list (<c>[1, 2]</c>) or comma-separated (<c>EURUSD,USDJPY</c>,
/// items trimmed; empty text is an empty array). YAML <c>null</c> sets strings and arrays to
/// <c>null</c>; a <c>-p</c> value is always text.
/// </remarks>
public static class ParameterConverter
{
    /// <summary>The value of <paramref name="raw"/> as <paramref name="parameter"/>'s type.</summary>
    /// <exception cref="NotebookException">The value does not convert (<see cref="NotebookErrorKind.Usage"/>); the message names the parameter, the type and the value.</exception>
    public static ParameterValue Convert(NotebookParameter parameter, RawParameter raw)
    {
        if (parameter.Type is not { } type)
        {
            throw new NotebookException(NotebookErrorKind.Usage,
                $"{raw.Origin}: parameter '{parameter.Name}' cannot be set: its type cannot be inferred from `{parameter.Declaration}`; " +
                "declare it with an explicit type (int, long, double, decimal, bool, string, DateTime, DateOnly, TimeSpan or an array of one)");
        }
        if (raw.IsNull)
        {
            return type.IsArray || type.Kind == ParameterKind.String
                ? new ParameterValue(parameter, "null", null)
                : throw Mismatch(parameter, raw, "null is not a value of a value type");
        }
        if (!type.IsArray)
        {
            if (raw.Items is not null)
            {
                throw Mismatch(parameter, raw, "a list was given for a single value");
            }
            var (expression, recorded) = Scalar(parameter, raw, type.Kind, raw.Text!);
            return new ParameterValue(parameter, expression, recorded);
        }
        var items = raw.Items ?? SplitList(parameter, raw);
        var expressions = new List<string>(items.Count);
        var recordedItems = new JsonArray();
        foreach (var item in items)
        {
            if (item is null)
            {
                if (type.Kind != ParameterKind.String)
                {
                    throw Mismatch(parameter, raw, $"null is not a {type.Element}");
                }
                expressions.Add("null");
                recordedItems.Add(null);
                continue;
            }
            var (expression, recorded) = Scalar(parameter, raw, type.Kind, item);
            expressions.Add(expression);
            recordedItems.Add(recorded);
        }
        var array = expressions.Count == 0
            ? $"new {type.Element.CSharpName}[] {{ }}"
            : $"new {type.Element.CSharpName}[] {{ {string.Join(", ", expressions)} }}";
        return new ParameterValue(parameter, array, recordedItems);
    }

    private static IReadOnlyList<string?> SplitList(NotebookParameter parameter, RawParameter raw)
    {
        var text = raw.Text!.Trim();
        if (text.StartsWith('['))
        {
            return ParameterSources.FlowSequence(parameter.Name, text, raw.Origin);
        }
        return text.Length == 0 ? [] : text.Split(',', StringSplitOptions.TrimEntries);
    }

    private static (string Expression, JsonNode? Recorded) Scalar(NotebookParameter parameter, RawParameter raw, ParameterKind kind, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        var trimmed = text.Trim();
        switch (kind)
        {
            case ParameterKind.Int when int.TryParse(trimmed, NumberStyles.Integer, invariant, out var i):
                return (i.ToString(invariant), i);
            case ParameterKind.Long when long.TryParse(trimmed, NumberStyles.Integer, invariant, out var l):
                return (l.ToString(invariant) + "L", l);
            case ParameterKind.Double when TryDouble(trimmed, out var d):
                return (DoubleLiteral(d), double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(d.ToString(invariant)));
            case ParameterKind.Float when TryFloat(trimmed, out var f):
                return (FloatLiteral(f), float.IsFinite(f) ? JsonValue.Create(f) : JsonValue.Create(f.ToString(invariant)));
            case ParameterKind.Decimal when decimal.TryParse(trimmed, NumberStyles.Number | NumberStyles.AllowExponent, invariant, out var m):
                return (m.ToString(invariant) + "M", m);
            case ParameterKind.Bool when bool.TryParse(trimmed, out var b):
                return (b ? "true" : "false", b);
            case ParameterKind.String:
                return (SymbolDisplay.FormatLiteral(text, quote: true), text);
            case ParameterKind.Char when text.Length == 1:
                return (SymbolDisplay.FormatLiteral(text[0], quote: true), text);
            case ParameterKind.DateTime when DateTime.TryParse(trimmed, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var t):
                var roundTrip = t.ToString("O", invariant);
                return ($"System.DateTime.ParseExact({SymbolDisplay.FormatLiteral(roundTrip, true)}, \"O\", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)", roundTrip);
            case ParameterKind.DateOnly when DateOnly.TryParse(trimmed, invariant, DateTimeStyles.AllowWhiteSpaces, out var date):
                var iso = date.ToString("yyyy-MM-dd", invariant);
                return ($"System.DateOnly.ParseExact(\"{iso}\", \"yyyy-MM-dd\", System.Globalization.CultureInfo.InvariantCulture)", iso);
            case ParameterKind.TimeSpan when TryTimeSpan(trimmed, out var span):
                var constant = span.ToString("c", invariant);
                return ($"System.TimeSpan.ParseExact(\"{constant}\", \"c\", System.Globalization.CultureInfo.InvariantCulture)", constant);
            default:
                throw Mismatch(parameter, raw, Hint(kind, text));
        }
    }

    private static bool TryDouble(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case ".nan":
                value = double.NaN;
                return true;
            case ".inf" or "+.inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    private static bool TryFloat(string text, out float value)
    {
        if (TryDouble(text, out var d) && !double.IsFinite(d))
        {
            value = (float)d;
            return true;
        }
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);
    }

    private static bool TryTimeSpan(string text, out TimeSpan value)
    {
        value = default;
        if (text.Length == 0 || text.All(c => char.IsAsciiDigit(c) || c is '-' or '+'))
        {
            return false;
        }
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                value = System.Xml.XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    private static string DoubleLiteral(double d) => d switch
    {
        double.NaN => "double.NaN",
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        _ => d.ToString("R", CultureInfo.InvariantCulture) + "D",
    };

    private static string FloatLiteral(float f) => f switch
    {
        float.NaN => "float.NaN",
        float.PositiveInfinity => "float.PositiveInfinity",
        float.NegativeInfinity => "float.NegativeInfinity",
        _ => f.ToString("R", CultureInfo.InvariantCulture) + "F",
    };

    private static string Hint(ParameterKind kind, string text) => kind switch
    {
        ParameterKind.Int or ParameterKind.Long => "expected an integer such as 42 (no thousands separators)",
        ParameterKind.Double or ParameterKind.Float or ParameterKind.Decimal => "expected a number such as 0.05 (invariant culture: '.' as decimal point)",
        ParameterKind.Bool => "expected true or false",
        ParameterKind.Char => $"expected exactly one character, got {text.Length}",
        ParameterKind.DateTime => "expected a date or date-time such as 2024-03-07 or 2024-03-07T10:00:00Z",
        ParameterKind.DateOnly => "expected a date such as 2024-03-07",
        ParameterKind.TimeSpan when text.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or '+') && text.Trim().Length > 0
            => "a bare number is ambiguous; write 15.00:00:00 for 15 days, 00:15:00 for 15 minutes, or ISO 8601 such as PT15M",
        ParameterKind.TimeSpan => "expected a duration such as 01:30:00, 1.12:00:00 or PT90M",
        _ => "unsupported",
    };

    private static NotebookException Mismatch(NotebookParameter parameter, RawParameter raw, string why) =>
        new(NotebookErrorKind.Usage,
            $"{raw.Origin}: parameter '{parameter.Name}' expects {parameter.Type} (declared as `{parameter.Declaration}`), got {raw.Describe()}: {why}");
}
