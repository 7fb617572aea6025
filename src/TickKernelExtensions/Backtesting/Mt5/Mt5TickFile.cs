using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>
/// Reads a tick file in the layout of <see cref="Mt5TickExport"/> (also the terminal's own Symbols → Ticks → Export,
/// where a side left empty means "unchanged" and FLAGS says which side a row carries) back into UTC tick columns.
/// Volumes come back as NaN: MT5's VOLUME is a deal volume that cannot be split into bid and ask sizes.
/// </summary>
public static class Mt5TickFile
{
    /// <summary>Reads the whole file; <paramref name="serverTime"/> must be the clock it was written in.</summary>
    /// <exception cref="Mt5Exception">MalformedFile naming the file, line, field, expected and actual.</exception>
    public static async Task<TickColumns> ReadAsync(string path, Mt5ServerTime serverTime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(serverTime);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var header = await reader.ReadLineAsync(cancellationToken);
        if (header is null || !string.Equals(header.TrimStart('\uFEFF'), Mt5TickExport.Header, StringComparison.Ordinal))
        {
            throw Malformed(path, 1, "header", Mt5TickExport.Header.Replace("\t", "\\t", StringComparison.Ordinal), header?.Replace("\t", "\\t", StringComparison.Ordinal) ?? "an empty file");
        }
        var ticks = new TickColumns();
        var bid = double.NaN;
        var ask = double.NaN;
        long line = 1;
        long last = long.MinValue;
        var fields = new Range[8];
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }
            var row = text.AsSpan();
            if (row.Split(fields, '\t') != 7)
            {
                throw Malformed(path, line, "row", "7 tab-separated fields", text);
            }
            if (!Mt5Text.TryParse(row[fields[0]], row[fields[1]], out var server))
            {
                throw Malformed(path, line, "<DATE>/<TIME>", $"{Mt5Text.DateFormat} and {Mt5Text.TimeFormat}", $"{row[fields[0]]} {row[fields[1]]}");
            }
            if (!int.TryParse(row[fields[6]], NumberStyles.None, CultureInfo.InvariantCulture, out var flags))
            {
                throw Malformed(path, line, "<FLAGS>", "a non-negative integer", row[fields[6]].ToString());
            }
            bid = Price(path, line, "<BID>", row[fields[2]], bid);
            ask = Price(path, line, "<ASK>", row[fields[3]], ask);
            DateTime utc;
            try
            {
                utc = serverTime.ToUtc(server);
            }
            catch (Mt5Exception e)
            {
                throw Malformed(path, line, "<DATE>/<TIME>", $"a time the {serverTime.Name} server clock shows (it skips one hour when daylight saving time starts)", e.Actual ?? "");
            }
            var micros = TickTime.ToMicros(utc);
            if (micros < last)
            {
                throw Malformed(path, line, "<DATE>/<TIME>", $"at or after the previous row's {TickTime.FromMicros(last):O} UTC", $"{utc:O} UTC");
            }
            last = micros;
            if ((flags & (Mt5TickExport.FlagBid | Mt5TickExport.FlagAsk)) != 0 || row[fields[2]].Length > 0 || row[fields[3]].Length > 0)
            {
                ticks.Add(micros, bid, ask, float.NaN, float.NaN);
            }
        }
        return ticks;
    }

    private static double Price(string path, long line, string field, ReadOnlySpan<char> text, double previous)
    {
        if (text.IsEmpty)
        {
            return previous;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) && double.IsFinite(price) && price > 0
            ? price
            : throw Malformed(path, line, field, "a price above zero with '.' decimals", text.ToString());
    }

    private static Mt5Exception Malformed(string path, long line, string field, string expected, string actual) =>
        new(Mt5ErrorKind.MalformedFile, "The MT5 tick file does not have the expected shape.")
        {
            File = path,
            Line = line,
            Field = field,
            Expected = expected,
            Actual = actual,
        };
}
