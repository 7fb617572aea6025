namespace TickKernelExtensions.Ingest.Csv;

/// <summary>Why a data line produced no tick. Skipped lines are always counted in <see cref="CsvReadSummary.Skipped"/>.</summary>
public enum CsvSkipReason
{
    /// <summary>An empty line (for example trailing blank lines at the end of the file).</summary>
    BlankLine,

    /// <summary>
    /// MT5: the row changes one side of the quote before the other side has ever been seen, so no
    /// complete bid/ask pair exists yet (typically the first rows of an export).
    /// </summary>
    QuoteSideUnknown,

    /// <summary>MT5: the row carries neither a bid nor an ask (only LAST or VOLUME changed): no new quote.</summary>
    NoQuoteChange,
}
