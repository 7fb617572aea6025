using System.Globalization;
using System.Text.Json;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// Field readers over <see cref="Utf8JsonReader"/> for the JSON API's flat response objects. Every shape error is a
/// <see cref="MarketDataException"/> of kind <see cref="MarketDataErrorKind.CorruptPayload"/> naming the field.
/// </summary>
internal static class JsonApiReader
{
    /// <summary>A reader over <paramref name="utf8Json"/>, past a UTF-8 byte order mark if there is one.</summary>
    public static Utf8JsonReader Open(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }
        return new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
    }

    /// <summary>Reads the opening brace of the top-level object.</summary>
    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Corrupt("$", "The JSON API response is not a JSON object.", "an object", Describe(ref reader));
        }
    }

    /// <summary>Moves to the next top-level property name; false at the closing brace.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Checks that nothing but white space follows the top-level object.</summary>
    public static void End(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw Corrupt("$", "Content follows the JSON API response object.", "end of input", reader.TokenType.ToString());
        }
    }

    /// <summary>Reads a property value that must be an integer.</summary>
    public static long Int64(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
        {
            throw Corrupt(field, $"The field '{field}' is not an integer.", "an integer", Describe(ref reader));
        }
        return value;
    }

    /// <summary>Reads a property value that must be a finite number or null.</summary>
    public static double? NullableDouble(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw Corrupt(field, $"The field '{field}' is not a finite number or null.", "a number or null", Describe(ref reader));
        }
        return value;
    }

    /// <summary>Reads a property value that must be an array of integers.</summary>
    public static void Int64Array(ref Utf8JsonReader reader, string field, ref PooledColumn<long> column)
    {
        StartArray(ref reader, field, column.Present);
        column.Present = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
            {
                throw Corrupt(field, $"Element {column.Count} of '{field}' is not an integer.", "an integer", Describe(ref reader));
            }
            column.Add(value);
        }
    }

    /// <summary>Reads a property value that must be an array of finite numbers.</summary>
    public static void DoubleArray(ref Utf8JsonReader reader, string field, ref PooledColumn<double> column)
    {
        StartArray(ref reader, field, column.Present);
        column.Present = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                throw Corrupt(field, $"Element {column.Count} of '{field}' is not a finite number.", "a number", Describe(ref reader));
            }
            column.Add(value);
        }
    }

    /// <summary>Fails when a required field is absent.</summary>
    public static void Require(bool present, string field)
    {
        if (!present)
        {
            throw Corrupt(field, $"The JSON API response lacks the field '{field}'.", "the field", "missing");
        }
    }

    /// <summary>Fails when a column's length differs from the <c>times</c> column's.</summary>
    public static void RequireLength(int length, int expected, string field)
    {
        if (length != expected)
        {
            throw Corrupt(field, $"The array '{field}' has {length} elements but 'times' has {expected}.",
                expected.ToString(CultureInfo.InvariantCulture) + " elements", length.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Checks the response's <c>multiplier</c> (the price of one point) against the instrument's decimal factor:
    /// decoding with the wrong instrument would scale every price.
    /// </summary>
    public static void CheckMultiplier(double multiplier, Instrument instrument)
    {
        if (!(multiplier > 0) || Math.Abs((multiplier * instrument.DecimalFactor) - 1) > 1e-9)
        {
            throw Corrupt("multiplier",
                $"The response's multiplier disagrees with {instrument.Symbol}'s decimal factor {instrument.DecimalFactor}: " +
                "was the response decoded with the wrong instrument?",
                string.Create(CultureInfo.InvariantCulture, $"{1.0 / instrument.DecimalFactor:R} (1 / decimal factor {instrument.DecimalFactor})"),
                multiplier.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Wraps a syntax error of the reader, with its line, as <see cref="MarketDataErrorKind.CorruptPayload"/>.</summary>
    public static MarketDataException Malformed(JsonException e, string field) =>
        new(MarketDataErrorKind.CorruptPayload, $"The JSON API response is not valid JSON (while reading '{field}'): {e.Message}", e)
        {
            Field = field,
            Line = e.LineNumber + 1,
        };

    /// <summary>A shape error naming the field.</summary>
    public static MarketDataException Corrupt(string field, string message, string expected, string actual) =>
        new(MarketDataErrorKind.CorruptPayload, message) { Field = field, Expected = expected, Actual = actual };

    private static void StartArray(ref Utf8JsonReader reader, string field, bool seen)
    {
        if (seen)
        {
            throw Corrupt(field, $"The field '{field}' appears twice.", "one occurrence", "two");
        }
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Corrupt(field, $"The field '{field}' is not an array.", "an array", Describe(ref reader));
        }
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "string \"" + reader.GetString() + "\"",
        JsonTokenType.Number => "number " + System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.None => "nothing",
        var other => other.ToString(),
    };
}
