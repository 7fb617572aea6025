using System.Text;
using System.Text.RegularExpressions;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Recognises a tick CSV format from its first line: a header for Dukascopy, dukascopy-node and MT5,
/// the shape of a data row for HistData and LEAN. An explicit format is checked rather than guessed.
/// A first line that would match a format with another separator (a ';' Dukascopy export) is reported
/// as such, naming the separator found.
/// </summary>
internal static partial class CsvFormatDetector
{
    private static readonly CsvTickFormat[] Formats =
        [CsvTickFormat.Dukascopy, CsvTickFormat.DukascopyNode, CsvTickFormat.Mt5, CsvTickFormat.HistData, CsvTickFormat.Lean];

    private static readonly char[] Delimiters = [',', '\t', ';', '|'];

    private static readonly string[] UtcTimeHeaders = ["gmttime", "utctime", "timeutc", "timegmt", "gmt", "utc"];

    private static readonly string[] Mt5Extras = ["<last>", "<volume>", "<flags>"];

    /// <summary>The recognised formats, one line each, for error messages.</summary>
    public static string Recognised { get; } = string.Join("; ", Formats.Select(f => $"{f}: {Describe(f)}"));

    /// <summary>The field separator of a format.</summary>
    public static byte DelimiterOf(CsvTickFormat format) => format == CsvTickFormat.Mt5 ? (byte)'\t' : (byte)',';

    /// <summary>What a format's first line looks like.</summary>
    public static string Describe(CsvTickFormat format) => format switch
    {
        CsvTickFormat.Dukascopy => "header 'Gmt time,Ask,Bid,AskVolume,BidVolume' (or 'Local time', 'Time (UTC)' …)",
        CsvTickFormat.DukascopyNode => "header 'timestamp,askPrice,bidPrice[,askVolume,bidVolume]'",
        CsvTickFormat.Mt5 => "tab-separated header '<DATE> <TIME> <BID> <ASK> <LAST> <VOLUME> <FLAGS>'",
        CsvTickFormat.HistData => "no header, rows like '20120201 000003660,1.306600,1.306770,0'",
        CsvTickFormat.Lean => "a YYYYMMDD_quote.zip or YYYYMMDD_{sym}_tick_quote.csv, rows like '92000,1.10380,1.10400'",
        _ => format.ToString(),
    };

    /// <summary>
    /// Recognises the first line, or throws <see cref="MarketDataErrorKind.UnknownFormat"/> naming what
    /// was expected and found.
    /// </summary>
    public static CsvLayout Recognise(ReadOnlySpan<byte> firstLine, CsvTickFormat requested, string source)
    {
        var text = Encoding.UTF8.GetString(firstLine.Length > 4096 ? firstLine[..4096] : firstLine);
        if (firstLine.StartsWith("PK\u0003\u0004"u8))
        {
            throw Unknown(source, "the input is a zip archive, but it was given as a stream that cannot seek; pass a path or a seekable stream",
                "header", "a CSV header or data line", firstLine);
        }
        if (firstLine.Contains((byte)0))
        {
            throw Unknown(source, "the first line contains NUL bytes: a binary file, or UTF-16 text without a byte order mark (save it as UTF-8)",
                "header", "UTF-8 text", firstLine);
        }
        if (requested != CsvTickFormat.Auto)
        {
            if (Match(requested, text, (char)DelimiterOf(requested)) is { } layout)
            {
                return layout;
            }
            ThrowIfOtherDelimiter(requested, text, source, firstLine);
            var what = HasHeader(requested) ? $"is not a {requested} header" : $"is not a {requested} data row";
            throw Unknown(source, $"the first line {what}", HasHeader(requested) ? "header" : "first line", Describe(requested), firstLine);
        }
        foreach (var format in Formats)
        {
            if (Match(format, text, (char)DelimiterOf(format)) is { } layout)
            {
                return layout;
            }
        }
        foreach (var format in Formats)
        {
            ThrowIfOtherDelimiter(format, text, source, firstLine);
        }
        throw Unknown(source, $"unrecognised tick CSV format. Recognised formats: {Recognised}", "header",
            "one of the recognised formats (or set CsvImportOptions.Format)", firstLine);
    }

    private static bool HasHeader(CsvTickFormat format) => format is not (CsvTickFormat.HistData or CsvTickFormat.Lean);

    private static void ThrowIfOtherDelimiter(CsvTickFormat format, string text, string source, ReadOnlySpan<byte> firstLine)
    {
        var expected = (char)DelimiterOf(format);
        foreach (var delimiter in Delimiters)
        {
            if (delimiter != expected && Match(format, text, delimiter) is not null)
            {
                var found = CsvErrors.Name((byte)delimiter);
                throw new MarketDataException(MarketDataErrorKind.UnknownFormat,
                    $"the first line looks like {format}, but its fields are separated by {found} where {format} uses {CsvErrors.Name((byte)expected)}: " +
                    $"re-export the file with {CsvErrors.Name((byte)expected)} separators (and '.' decimal points)")
                {
                    File = source, Line = 1, Field = "delimiter", Expected = CsvErrors.Name((byte)expected), Actual = delimiter.ToString(),
                };
            }
        }
    }

    private static CsvLayout? Match(CsvTickFormat format, string line, char delimiter)
    {
        var raw = line.Split(delimiter);
        if (raw.Length < 3)
        {
            return null;
        }
        var t = raw.Select(Normalise).ToArray();
        switch (format)
        {
            case CsvTickFormat.Dukascopy:
            {
                var utc = UtcTimeHeaders.Contains(t[0]);
                var local = t[0] is "localtime" || (t[0].StartsWith("time", StringComparison.Ordinal) && t[0] != "timestamp");
                var volumes = t.Length == 5 && t[3] == "askvolume" && t[4] == "bidvolume";
                return (utc || local) && t[1] == "ask" && t[2] == "bid" && (t.Length == 3 || volumes)
                    ? new CsvLayout(format, HasHeader: true) { Volumes = volumes, TimeField = raw[0].Trim(), HeaderSaysUtc = utc }
                    : null;
            }
            case CsvTickFormat.DukascopyNode:
            {
                var volumes = t.Length == 5 && t[3] == "askvolume" && t[4] == "bidvolume";
                return t[0] == "timestamp" && t[1] == "askprice" && t[2] == "bidprice" && (t.Length == 3 || volumes)
                    ? new CsvLayout(format, HasHeader: true) { Volumes = volumes }
                    : null;
            }
            case CsvTickFormat.Mt5:
            {
                if (t.Length < 4 || t[0] != "<date>" || t[1] != "<time>" || t[2] != "<bid>" || t[3] != "<ask>")
                {
                    return null;
                }
                var extras = t[4..];
                var inOrder = extras.Distinct().Count() == extras.Length && extras.All(Mt5Extras.Contains)
                    && extras.Select(e => Array.IndexOf(Mt5Extras, e)).Order().SequenceEqual(extras.Select(e => Array.IndexOf(Mt5Extras, e)));
                return inOrder
                    ? new CsvLayout(format, HasHeader: true) { ExtraFields = extras.Select(e => e.ToUpperInvariant()).ToArray() }
                    : null;
            }
            case CsvTickFormat.HistData:
                return raw.Length == 4 && HistDataTime().IsMatch(raw[0]) ? new CsvLayout(format, HasHeader: false) : null;
            case CsvTickFormat.Lean:
                return raw.Length == 3 && LeanTime().IsMatch(raw[0]) ? new CsvLayout(format, HasHeader: false) : null;
            default:
                return null;
        }
    }

    private static string Normalise(string token)
    {
        var b = new StringBuilder(token.Length);
        foreach (var c in token.Trim())
        {
            if (c is not (' ' or '_' or '(' or ')' or '"'))
            {
                b.Append(char.ToLowerInvariant(c));
            }
        }
        return b.ToString();
    }

    private static MarketDataException Unknown(string source, string message, string field, string expected, ReadOnlySpan<byte> firstLine) =>
        new(MarketDataErrorKind.UnknownFormat, message)
        {
            File = source, Line = 1, Field = field, Expected = expected, Actual = CsvErrors.Text(firstLine),
        };

    [GeneratedRegex(@"^\d{8} \d{9}$")]
    private static partial Regex HistDataTime();

    [GeneratedRegex(@"^\d{1,8}$")]
    private static partial Regex LeanTime();
}
