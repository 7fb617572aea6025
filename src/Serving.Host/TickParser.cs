using System.Globalization;
using System.Text.Json;
using TickKernelExtensions.Market;

namespace Serving.Host;

/// <summary>
/// Reads posted ticks from JSON, strictly: every problem names the field (as a JSON path), what was expected and what
/// came, so a 400 tells the caller exactly what to fix. Unknown fields are ignored. Thread safe.
/// </summary>
internal static class TickParser
{
    public static bool TryRead(JsonElement e, string path, InstrumentCatalog catalog, out TickInput tick, out TickProblem? problem)
    {
        tick = null!;
        if (e.ValueKind != JsonValueKind.Object)
        {
            problem = new(path, "a tick object", Kind(e), "A tick must be a JSON object.");
            return false;
        }
        if (!TryString(e, path, "symbol", out var symbol, out problem))
        {
            return false;
        }
        if (!catalog.TryGet(symbol, out var instrument))
        {
            problem = new($"{path}.symbol", "a symbol of the instrument catalogue (e.g. EURUSD)", $"\"{symbol}\"", $"Unknown symbol \"{symbol}\".");
            return false;
        }
        if (!TryTime(e, path, out var time, out problem)
            || !TryPrice(e, path, "bid", out var bid, out problem)
            || !TryPrice(e, path, "ask", out var ask, out problem)
            || !TryVolume(e, path, "bid_volume", out var bidVolume, out problem)
            || !TryVolume(e, path, "ask_volume", out var askVolume, out problem))
        {
            return false;
        }
        if (ask < bid)
        {
            problem = new($"{path}.ask", $"at or above the bid ({F(bid)})", F(ask), "\"ask\" is below \"bid\": a crossed quote is not a price.");
            return false;
        }
        tick = new TickInput(instrument.Symbol, time, bid, ask, bidVolume, askVolume);
        return true;
    }

    private static bool TryString(JsonElement e, string path, string name, out string value, out TickProblem? problem)
    {
        value = "";
        if (!e.TryGetProperty(name, out var p))
        {
            problem = new($"{path}.{name}", "a required string", "missing", $"The tick has no \"{name}\".");
            return false;
        }
        if (p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString()))
        {
            problem = new($"{path}.{name}", "a non-empty string", Kind(p), $"\"{name}\" must be a non-empty string.");
            return false;
        }
        value = p.GetString()!;
        problem = null;
        return true;
    }

    private static bool TryTime(JsonElement e, string path, out long micros, out TickProblem? problem)
    {
        micros = 0;
        const string expected = "ISO 8601 with a zone (e.g. 2026-11-30T10:00:00.123456Z) or UTC microseconds since 1970 as an integer";
        if (!e.TryGetProperty("time", out var p))
        {
            problem = new($"{path}.time", expected, "missing", "The tick has no \"time\".");
            return false;
        }
        if (p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out micros))
        {
            problem = null;
            return true;
        }
        if (p.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            && HasZone(p.GetString()!))
        {
            var utc = t.UtcDateTime;
            if (utc.Ticks % 10 == 0)
            {
                micros = TickTime.ToMicros(utc);
                problem = null;
                return true;
            }
            problem = new($"{path}.time", "whole microseconds", p.GetString()!, "\"time\" has a fraction finer than a microsecond.");
            return false;
        }
        problem = new($"{path}.time", expected, p.ValueKind == JsonValueKind.String ? $"\"{p.GetString()}\"" : p.GetRawText(), "\"time\" is not a time.");
        return false;
    }

    private static bool HasZone(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static bool TryPrice(JsonElement e, string path, string name, out double value, out TickProblem? problem)
    {
        value = double.NaN;
        if (!e.TryGetProperty(name, out var p))
        {
            problem = new($"{path}.{name}", "a positive, finite number", "missing", $"The tick has no \"{name}\".");
            return false;
        }
        if (p.ValueKind != JsonValueKind.Number || !p.TryGetDouble(out value) || !(value > 0) || !double.IsFinite(value))
        {
            problem = new($"{path}.{name}", "a positive, finite number", p.ValueKind == JsonValueKind.String ? $"\"{p.GetString()}\"" : p.GetRawText(),
                $"\"{name}\" must be a positive, finite price.");
            return false;
        }
        problem = null;
        return true;
    }

    private static bool TryVolume(JsonElement e, string path, string name, out float value, out TickProblem? problem)
    {
        value = 0;
        problem = null;
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (p.ValueKind == JsonValueKind.Number && p.TryGetSingle(out value) && value >= 0 && float.IsFinite(value))
        {
            return true;
        }
        problem = new($"{path}.{name}", "a non-negative number or null", p.GetRawText(), $"\"{name}\" must be a non-negative volume.");
        return false;
    }

    /// <summary>A price as a problem document shows it: shortest round-trip form, invariant culture.</summary>
    internal static string F(double price) => price.ToString("R", CultureInfo.InvariantCulture);

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"\"{e.GetString()}\"",
        JsonValueKind.Number => e.GetRawText(),
        var k => k.ToString().ToLowerInvariant(),
    };
}
