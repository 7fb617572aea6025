using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>
/// A signal file read back (the format of <see cref="Mt5SignalExport"/>), checked the way the EA checks it: version
/// line, header, trailer row count and SHA-256, then every row. Times come back in UTC.
/// </summary>
/// <param name="Symbol">The file's symbol.</param>
/// <param name="ServerTime">The server clock its times are written in.</param>
/// <param name="Rows">The signals, in file order.</param>
public sealed record Mt5SignalFile(string Symbol, Mt5ServerTime ServerTime, IReadOnlyList<Mt5SignalRow> Rows)
{
    /// <summary>Reads and checks a file.</summary>
    /// <exception cref="Mt5Exception">Truncated (no trailer, wrong row count or hash), MalformedFile naming line, field, expected and actual.</exception>
    public static async Task<Mt5SignalFile> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(await File.ReadAllBytesAsync(path, cancellationToken), path);
    }

    /// <summary>Checks and parses a file's bytes; <paramref name="source"/> names it in errors.</summary>
    public static Mt5SignalFile Parse(ReadOnlySpan<byte> bytes, string source)
    {
        var end = bytes.Length;
        if (end > 0 && bytes[end - 1] == (byte)'\n')
        {
            end--;
        }
        var trailerStart = bytes[..end].LastIndexOf((byte)'\n') + 1;
        var trailer = Encoding.UTF8.GetString(bytes[trailerStart..end]).TrimEnd('\r');
        var lines = Encoding.UTF8.GetString(bytes[..trailerStart]).Split('\n');
        var lineCount = lines.Length - 1;
        if (!trailer.StartsWith(TrailerPrefix, StringComparison.Ordinal))
        {
            throw new Mt5Exception(Mt5ErrorKind.Truncated, "The signal file ends without its trailer: it is truncated or still being written.")
            {
                File = source,
                Line = lineCount + 1,
                Field = "trailer",
                Expected = $"{Mt5SignalExport.TrailerMagic},rows=N,sha256=…",
                Actual = trailer.Length > 60 ? trailer[..60] + "…" : trailer,
            };
        }
        var trailerFields = KeyValues(trailer, source, lineCount + 1, "trailer");
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes[..trailerStart]));
        if (!string.Equals(trailerFields.GetValueOrDefault("sha256"), hash, StringComparison.Ordinal))
        {
            throw new Mt5Exception(Mt5ErrorKind.Truncated, "The signal file's bytes do not hash to the trailer's SHA-256: it was truncated or edited.")
            {
                File = source,
                Line = lineCount + 1,
                Field = "sha256",
                Expected = trailerFields.GetValueOrDefault("sha256") ?? "a sha256 field",
                Actual = hash,
            };
        }
        if (lineCount < 2)
        {
            throw Malformed(source, 1, "version line", "a version line and a header", $"{lineCount} lines");
        }
        var version = KeyValues(lines[0].TrimEnd('\r'), source, 1, "version line");
        if (!lines[0].StartsWith(Mt5SignalExport.Magic + ",", StringComparison.Ordinal) || version.GetValueOrDefault("version") != "1")
        {
            throw Malformed(source, 1, "version", $"{Mt5SignalExport.Magic},version={Mt5SignalExport.Version},…", lines[0]);
        }
        var symbol = version.GetValueOrDefault("symbol") ?? throw Malformed(source, 1, "symbol", "symbol=NAME", lines[0]);
        var clock = Mt5ServerTime.Parse(version.GetValueOrDefault("server-time") ?? throw Malformed(source, 1, "server-time", "server-time=utc|new-york-close|±hh:mm|zone", lines[0]));
        if (!string.Equals(lines[1].TrimEnd('\r'), Mt5SignalExport.Header, StringComparison.Ordinal))
        {
            throw Malformed(source, 2, "header", Mt5SignalExport.Header, lines[1]);
        }
        var rows = new List<Mt5SignalRow>(lineCount - 2);
        for (var i = 2; i < lineCount; i++)
        {
            rows.Add(Row(lines[i].TrimEnd('\r'), symbol, clock, source, i + 1));
        }
        if (trailerFields.GetValueOrDefault("rows") != rows.Count.ToString(CultureInfo.InvariantCulture))
        {
            throw new Mt5Exception(Mt5ErrorKind.Truncated, "The signal file's row count disagrees with its trailer.")
            {
                File = source,
                Line = lineCount + 1,
                Field = "rows",
                Expected = trailerFields.GetValueOrDefault("rows") ?? "a rows field",
                Actual = rows.Count.ToString(CultureInfo.InvariantCulture),
            };
        }
        return new Mt5SignalFile(symbol, clock, rows);
    }

    private static string TrailerPrefix => Mt5SignalExport.TrailerMagic + ",";

    private static Mt5SignalRow Row(string text, string symbol, Mt5ServerTime clock, string source, int line)
    {
        var f = text.Split(',');
        if (f.Length != 10)
        {
            throw Malformed(source, line, "row", "10 comma-separated fields", $"{f.Length} fields");
        }
        if (f[0].Length != 16 || !f[0].All(char.IsAsciiHexDigitLower))
        {
            throw Malformed(source, line, "id", "16 lower-case hex digits", f[0]);
        }
        if (!string.Equals(f[2], symbol, StringComparison.Ordinal))
        {
            throw Malformed(source, line, "symbol", symbol, f[2]);
        }
        var action = f[3] switch
        {
            "buy" => SignalAction.Buy,
            "sell" => SignalAction.Sell,
            "flat" => SignalAction.Flat,
            _ => throw Malformed(source, line, "action", "buy, sell or flat", f[3]),
        };
        var signal = new TradeSignal
        {
            Symbol = f[2],
            Time = Time(f[1], clock, source, line, "time"),
            Action = action,
            Confidence = Number(f[4], source, line, "confidence"),
            AnomalyScore = f[5].Length == 0 ? double.NaN : Number(f[5], source, line, "anomaly_score"),
            Expiry = Time(f[6], clock, source, line, "expiry"),
            ModelName = f[7],
            ModelVersion = f[8],
            Reason = f[9],
        };
        try
        {
            signal.Validate();
        }
        catch (ModelingException e)
        {
            throw new Mt5Exception(Mt5ErrorKind.MalformedFile, e.Message, e) { File = source, Line = line };
        }
        return new Mt5SignalRow(f[0], signal);
    }

    private static DateTime Time(string text, Mt5ServerTime clock, string source, int line, string field)
    {
        if (text.Length != 23 || text[10] != ' ' || !Mt5Text.TryParse(text.AsSpan(0, 10), text.AsSpan(11), out var server))
        {
            throw Malformed(source, line, field, "yyyy.MM.dd HH:mm:ss.fff (server time)", text);
        }
        try
        {
            return clock.ToUtc(server);
        }
        catch (Mt5Exception)
        {
            throw Malformed(source, line, field, $"a time the {clock.Name} server clock shows", text);
        }
    }

    private static double Number(string text, string source, int line, string field) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Malformed(source, line, field, "a finite number with '.' decimals", text);

    private static Dictionary<string, string> KeyValues(string text, string source, int line, string field)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',').Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw Malformed(source, line, field, "key=value fields", part);
            }
            values[part[..eq]] = part[(eq + 1)..];
        }
        return values;
    }

    private static Mt5Exception Malformed(string source, int line, string field, string expected, string actual) =>
        new(Mt5ErrorKind.MalformedFile, "The MT5 signal file does not have the expected shape.")
        {
            File = source,
            Line = line,
            Field = field,
            Expected = expected,
            Actual = actual,
        };
}
