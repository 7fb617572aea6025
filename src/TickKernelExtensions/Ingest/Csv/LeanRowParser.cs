using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// QuantConnect LEAN forex tick quote rows, no header: <c>msSinceMidnight,bid,ask</c>, bid before ask.
/// Example: <c>92000,1.10380,1.10400</c>. The date is not in the rows but in the file name
/// (<c>YYYYMMDD_{sym}_tick_quote.csv</c>); the clock is UTC for Oanda data, UTC-5 for FXCM. LEAN
/// quote ticks carry no volumes, so volumes are NaN.
/// </summary>
internal struct LeanRowParser : ICsvRowParser
{
    public const string ExpectedTime = "milliseconds since midnight, 0 to 86399999";
    private const byte Comma = (byte)',';
    private const long MillisPerDay = 86_400_000;

    private readonly string _source;
    private readonly LocalClock _clock;
    private readonly long _dayMicros;

    /// <param name="source">Where the rows come from, for errors.</param>
    /// <param name="clock">The data's clock (UTC for Oanda).</param>
    /// <param name="dayMicros">Local midnight of the file's date, in the clock's epoch microseconds.</param>
    public LeanRowParser(string source, LocalClock clock, long dayMicros)
    {
        _source = source;
        _clock = clock;
        _dayMicros = dayMicros;
    }

    public readonly bool TryParse(ReadOnlySpan<byte> row, long line,
        out long timestamp, out double bid, out double ask, out float bidVolume, out float askVolume, out CsvSkipReason skip)
    {
        skip = default;
        bidVolume = float.NaN;
        askVolume = float.NaN;
        if (!Utf8Number.TryParseInt64(row, 0, Comma, out var ms, out var end) || ms >= MillisPerDay)
        {
            throw CsvErrors.BadField(_source, line, row, 0, Comma, "time", ExpectedTime);
        }
        if (!_clock.TryToUtc(_dayMicros + (ms * TickTime.MicrosPerMilli), out timestamp))
        {
            throw CsvErrors.Row(_source, line, $"local time does not exist in {_clock.Description} (skipped by a daylight-saving change)",
                "time", "a local time that exists", row[..end]);
        }
        var start = end + 1;
        if (!Utf8Number.TryParseDouble(row, start, Comma, out bid, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Comma, "bid", CsvErrors.ExpectedPrice);
        }
        start = end + 1;
        if (!Utf8Number.TryParseDouble(row, start, Comma, out ask, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Comma, "ask", CsvErrors.ExpectedPrice);
        }
        if (end != row.Length)
        {
            throw CsvErrors.ExtraFields(_source, line, row, end, 3, "ask");
        }
        return true;
    }
}
