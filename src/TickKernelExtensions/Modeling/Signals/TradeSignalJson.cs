using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TickKernelExtensions.Modeling.Signals;

/// <summary>
/// The stable JSON form of a <see cref="TradeSignal"/>: one compact object, camelCase names in a fixed order
/// (<c>symbol, time, action, confidence, anomalyScore, reason, modelName, modelVersion, expiry</c>), times as
/// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, the action as <c>"buy"</c>/<c>"sell"</c>/<c>"flat"</c>, numbers in the shortest
/// invariant form that round-trips, a missing anomaly score as <c>null</c>. Reading is strict about the fields it
/// knows (all required, right types) and ignores unknown ones, so newer writers stay readable. Thread safe.
/// </summary>
public static class TradeSignalJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Validates and writes the signal.</summary>
    public static string Serialize(TradeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        signal.Validate();
        // One writer and buffer per thread, reset per call: the serving host serialises a signal per scored tick.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var w = t_writer;
        if (w is null)
        {
            t_writer = w = new Utf8JsonWriter(buffer);
        }
        else
        {
            w.Reset(buffer);
        }
        {
            w.WriteStartObject();
            w.WriteString("symbol", signal.Symbol);
            w.WriteString("time", TradeSignal.Format(signal.Time));
            w.WriteString("action", ActionName(signal.Action));
            w.WriteNumber("confidence", signal.Confidence);
            if (double.IsNaN(signal.AnomalyScore))
            {
                w.WriteNull("anomalyScore");
            }
            else
            {
                w.WriteNumber("anomalyScore", signal.AnomalyScore);
            }
            w.WriteString("reason", signal.Reason);
            w.WriteString("modelName", signal.ModelName);
            w.WriteString("modelVersion", signal.ModelVersion);
            w.WriteString("expiry", TradeSignal.Format(signal.Expiry));
            w.WriteEndObject();
            w.Flush();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads and validates a signal.</summary>
    /// <exception cref="ModelingException">MalformedJson naming the field, expected and actual; InvalidInput when the values fail validation.</exception>
    public static TradeSignal Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ModelingException(ModelingErrorKind.MalformedJson, $"A trade signal is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("$", "an object", root.ValueKind.ToString());
            }
            var anomaly = Property(root, "anomalyScore");
            var signal = new TradeSignal
            {
                Symbol = String(root, "symbol"),
                Time = Time(root, "time"),
                Action = Action(root),
                Confidence = Number(Property(root, "confidence"), "confidence"),
                AnomalyScore = anomaly.ValueKind == JsonValueKind.Null ? double.NaN : Number(anomaly, "anomalyScore"),
                Reason = String(root, "reason"),
                ModelName = String(root, "modelName"),
                ModelVersion = String(root, "modelVersion"),
                Expiry = Time(root, "expiry"),
            };
            signal.Validate();
            return signal;
        }
    }

    private static string ActionName(SignalAction action) => action switch
    {
        SignalAction.Buy => "buy",
        SignalAction.Sell => "sell",
        _ => "flat",
    };

    private static SignalAction Action(JsonElement root) => String(root, "action") switch
    {
        "buy" => SignalAction.Buy,
        "sell" => SignalAction.Sell,
        "flat" => SignalAction.Flat,
        var other => throw Malformed("action", "\"buy\", \"sell\" or \"flat\"", $"\"{other}\""),
    };

    private static JsonElement Property(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : throw Malformed(name, "a required property", "missing");

    private static string String(JsonElement root, string name)
    {
        var value = Property(root, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Malformed(name, "a string", value.ValueKind.ToString());
    }

    private static double Number(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) ? d : throw Malformed(name, "a number", value.ValueKind.ToString());

    private static DateTime Time(JsonElement root, string name)
    {
        var text = String(root, name);
        return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : throw Malformed(name, "a UTC time yyyy-MM-ddTHH:mm:ss.ffffffZ", $"\"{text}\"");
    }

    private static ModelingException Malformed(string field, string expected, string actual) =>
        new(ModelingErrorKind.MalformedJson, "A trade signal's JSON does not have the expected shape.")
        {
            Field = field,
            Expected = expected,
            Actual = actual,
        };
}
