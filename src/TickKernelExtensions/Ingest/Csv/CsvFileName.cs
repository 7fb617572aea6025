using System.Text.RegularExpressions;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// What the naming conventions of the formats' tools say about a file: its symbol and, for LEAN, its date.
/// Only conventions the tools themselves follow are used; anything else yields null and the caller asks
/// for <see cref="CsvImportOptions.Symbol"/>.
/// </summary>
internal static partial class CsvFileName
{
    /// <summary>The symbol a file name implies for a format, or null.</summary>
    public static string? Symbol(CsvTickFormat format, string fileName)
    {
        var match = format switch
        {
            CsvTickFormat.HistData => HistDataName().Match(fileName),
            CsvTickFormat.Lean => LeanEntryName().Match(fileName),
            CsvTickFormat.Dukascopy => DukascopyExportName().Match(fileName),
            CsvTickFormat.DukascopyNode => DukascopyNodeName().Match(fileName),
            _ => Match.Empty,
        };
        return match.Success ? match.Groups["symbol"].Value.ToUpperInvariant() : null;
    }

    /// <summary>The date of a LEAN file (<c>20140501_eurusd_tick_quote.csv</c> or <c>20140501_quote.zip</c>), or null.</summary>
    public static DateOnly? LeanDate(string fileName)
    {
        var match = LeanEntryName().Match(fileName);
        if (!match.Success)
        {
            match = LeanZipName().Match(fileName);
        }
        if (!match.Success)
        {
            return null;
        }
        var digits = match.Groups["date"].Value;
        return DateOnly.TryParseExact(digits, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>True for a LEAN tick quote entry name.</summary>
    public static bool IsLeanEntry(string fileName) => LeanEntryName().IsMatch(fileName);

    // DAT_ASCII_EURUSD_T_201202.csv (HistData's own name inside its zips).
    [GeneratedRegex(@"^DAT_ASCII_(?<symbol>[A-Za-z0-9]+)_T_\d{6}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HistDataName();

    // 20140501_eurusd_tick_quote.csv (LEAN's zip entry).
    [GeneratedRegex(@"^(?<date>\d{8})_(?<symbol>[A-Za-z0-9]+)_tick_quote\.csv$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeanEntryName();

    // 20140501_quote.zip (LEAN's archive).
    [GeneratedRegex(@"^(?<date>\d{8})_quote\.zip$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeanZipName();

    // EURUSD_Ticks_2011.07.31-2011.08.01.csv (Dukascopy web export).
    [GeneratedRegex(@"^(?<symbol>[A-Za-z0-9]+)_Ticks_", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DukascopyExportName();

    // eurusd-tick-2023-02-20-2023-02-21.csv (dukascopy-node's output name: instrument-timeframe-from-to).
    [GeneratedRegex(@"^(?<symbol>[A-Za-z0-9]+)-tick-", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DukascopyNodeName();
}
