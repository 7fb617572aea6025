using System.Text;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Builds the reader's errors. Every one is a <see cref="MarketDataException"/> naming the source
/// (<c>path</c> or <c>path!entry</c>), the 1-based physical line, the field, what was expected and the
/// raw text found. Kept out of the parsers so their hot paths stay small.
/// </summary>
internal static class CsvErrors
{
    /// <summary>Longest raw text quoted in an error; longer text is cut and ends with an ellipsis.</summary>
    public const int MaxActualLength = 80;

    /// <summary>What a price field must hold.</summary>
    public const string ExpectedPrice = "a number like 1.13729";

    /// <summary>What a volume field must hold.</summary>
    public const string ExpectedVolume = "a number like 2.25";

    private static readonly byte[] OtherDelimiters = [(byte)',', (byte)'\t', (byte)';', (byte)'|'];

    /// <summary>A field that does not parse, or is missing because the row has too few fields.</summary>
    public static MarketDataException BadField(
        string source, long line, ReadOnlySpan<byte> row, int fieldStart, byte delimiter, string field, string expected)
    {
        if (fieldStart > row.Length || (fieldStart == row.Length && (fieldStart == 0 || row[fieldStart - 1] != delimiter)))
        {
            return new MarketDataException(MarketDataErrorKind.MalformedRow,
                $"row has too few fields: '{field}' is missing{DelimiterHint(row, delimiter)}")
            {
                File = source, Line = line, Field = field, Expected = expected, Actual = "end of line",
            };
        }
        var end = Utf8Number.FieldEnd(row, fieldStart, delimiter);
        var raw = row[fieldStart..end];
        var what = raw.IsEmpty ? "field is empty" : "field does not parse";
        return new MarketDataException(MarketDataErrorKind.MalformedRow, what + DelimiterHint(row, delimiter))
        {
            File = source, Line = line, Field = field, Expected = expected, Actual = Text(raw),
        };
    }

    /// <summary>A row with more fields than the format has.</summary>
    public static MarketDataException ExtraFields(string source, long line, ReadOnlySpan<byte> row, int at, int columns, string lastField)
    {
        return new MarketDataException(MarketDataErrorKind.MalformedRow,
            $"row has more than {columns} fields: text follows '{lastField}'")
        {
            File = source, Line = line, Field = lastField, Expected = "end of line", Actual = Text(row[at..]),
        };
    }

    /// <summary>A whole-row problem (for example a local time that does not exist).</summary>
    public static MarketDataException Row(string source, long line, string message, string field, string expected, ReadOnlySpan<byte> actual) =>
        new(MarketDataErrorKind.MalformedRow, message)
        {
            File = source, Line = line, Field = field, Expected = expected, Actual = Text(actual),
        };

    /// <summary>
    /// Renders raw bytes for a message: decoded as UTF-8, control characters other than tab shown as
    /// '?', cut at <see cref="MaxActualLength"/> characters.
    /// </summary>
    public static string Text(ReadOnlySpan<byte> raw)
    {
        var cut = raw.Length > MaxActualLength * 4 ? raw[..(MaxActualLength * 4)] : raw;
        var s = Encoding.UTF8.GetString(cut);
        var b = new StringBuilder(Math.Min(s.Length, MaxActualLength + 1));
        foreach (var c in s)
        {
            if (b.Length == MaxActualLength)
            {
                return b.Append('…').ToString();
            }
            b.Append(c < ' ' && c != '\t' ? '?' : c);
        }
        return raw.Length > cut.Length ? b.Append('…').ToString() : b.ToString();
    }

    /// <summary>Names a delimiter for people: <c>','</c>, <c>tab</c>, <c>';'</c>.</summary>
    public static string Name(byte delimiter) => delimiter == (byte)'\t' ? "tab" : $"'{(char)delimiter}'";

    // When the row does not contain the format's delimiter but does contain another, the file most
    // likely uses a different separator: say so, since the failing field alone does not show it.
    private static string DelimiterHint(ReadOnlySpan<byte> row, byte delimiter)
    {
        if (row.Contains(delimiter))
        {
            return "";
        }
        foreach (var other in OtherDelimiters)
        {
            if (other != delimiter && row.Contains(other))
            {
                return $" (the row is separated by {Name(other)}, but this format uses {Name(delimiter)})";
            }
        }
        return "";
    }
}
