using System.Runtime.InteropServices;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// MT5 "Symbols → Ticks → Export" rows, tab-separated: <c>DATE TIME BID ASK [LAST VOLUME FLAGS]</c>
/// with DATE <c>yyyy.MM.dd</c>, TIME <c>HH:mm:ss.fff</c> in broker server time, bid before ask.
/// Example: <c>2022.11.10\t15:00:00.017\t0.86682\t0.86712\t\t\t6</c>.
/// <para>
/// A row that changes one side leaves the other side empty (FLAGS 2 = bid changed, 4 = ask changed):
/// the last known value is carried forward. Rows before both sides have been seen, and rows that
/// carry neither side, give no tick and are counted as skipped. LAST and VOLUME (trades, often empty)
/// are checked to be numbers but not kept: MT5 tick exports have no quote volumes, so volumes are NaN.
/// </para>
/// </summary>
internal struct Mt5RowParser : ICsvRowParser
{
    public const string ExpectedDate = "yyyy.MM.dd";
    public const string ExpectedTime = "HH:mm:ss.fff";
    private const byte Tab = (byte)'\t';
    private const int BidStart = 24;

    private readonly string _source;
    private readonly LocalClock _clock;
    private readonly string[] _extraFields;
    private ulong _dateKey;
    private ushort _dateKeyTail;
    private long _dateMicros;
    private double _bid;
    private double _ask;
    private bool _hasBid;
    private bool _hasAsk;

    /// <param name="source">Where the rows come from, for errors.</param>
    /// <param name="clock">The broker's server clock.</param>
    /// <param name="extraFields">The header's columns after &lt;ASK&gt;, e.g. &lt;LAST&gt;, &lt;VOLUME&gt;, &lt;FLAGS&gt;.</param>
    public Mt5RowParser(string source, LocalClock clock, string[] extraFields)
    {
        _source = source;
        _clock = clock;
        _extraFields = extraFields;
    }

    public bool TryParse(ReadOnlySpan<byte> row, long line,
        out long timestamp, out double bid, out double ask, out float bidVolume, out float askVolume, out CsvSkipReason skip)
    {
        skip = default;
        bidVolume = float.NaN;
        askVolume = float.NaN;
        if (row.Length < 11 || row[10] != Tab)
        {
            throw CsvErrors.BadField(_source, line, row, 0, Tab, "<DATE>", ExpectedDate);
        }
        var key = MemoryMarshal.Read<ulong>(row);
        var keyTail = MemoryMarshal.Read<ushort>(row[8..]);
        if (key != _dateKey || keyTail != _dateKeyTail)
        {
            _dateMicros = ParseDate(row);
            if (_dateMicros < 0)
            {
                throw CsvErrors.BadField(_source, line, row, 0, Tab, "<DATE>", ExpectedDate);
            }
            _dateKey = key;
            _dateKeyTail = keyTail;
        }
        if (row.Length < BidStart - 1)
        {
            throw CsvErrors.BadField(_source, line, row, 11, Tab, "<TIME>", ExpectedTime);
        }
        uint bad = 0;
        var hour = CivilTime.Digits(row, 11, 2, ref bad);
        CivilTime.Expect(row, 13, (byte)':', ref bad);
        var minute = CivilTime.Digits(row, 14, 2, ref bad);
        CivilTime.Expect(row, 16, (byte)':', ref bad);
        var second = CivilTime.Digits(row, 17, 2, ref bad);
        CivilTime.Expect(row, 19, (byte)'.', ref bad);
        var milli = CivilTime.Digits(row, 20, 3, ref bad);
        var timeOfDay = CivilTime.TimeOfDayMicros(hour, minute, second, milli);
        if (bad != 0 || timeOfDay < 0 || (row.Length >= BidStart && row[BidStart - 1] != Tab))
        {
            throw CsvErrors.BadField(_source, line, row, 11, Tab, "<TIME>", ExpectedTime);
        }

        var start = BidStart;
        if (start > row.Length)
        {
            throw CsvErrors.BadField(_source, line, row, start, Tab, "<BID>", CsvErrors.ExpectedPrice + " or nothing");
        }
        var hasBid = start < row.Length && row[start] != Tab;
        int end;
        bid = 0;
        ask = 0;
        if (!hasBid)
        {
            end = start;
        }
        else if (!Utf8Number.TryParseDouble(row, start, Tab, out bid, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Tab, "<BID>", CsvErrors.ExpectedPrice + " or nothing");
        }
        start = end + 1;
        if (start > row.Length)
        {
            throw CsvErrors.BadField(_source, line, row, start, Tab, "<ASK>", CsvErrors.ExpectedPrice + " or nothing");
        }
        var hasAsk = start < row.Length && row[start] != Tab;
        if (!hasAsk)
        {
            end = start;
        }
        else if (!Utf8Number.TryParseDouble(row, start, Tab, out ask, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Tab, "<ASK>", CsvErrors.ExpectedPrice + " or nothing");
        }
        foreach (var field in _extraFields)
        {
            start = end + 1;
            end = CheckExtra(row, line, start, field);
        }
        if (end != row.Length)
        {
            throw CsvErrors.ExtraFields(_source, line, row, end, 4 + _extraFields.Length, _extraFields.Length > 0 ? _extraFields[^1] : "<ASK>");
        }

        if (!_clock.TryToUtc(_dateMicros + timeOfDay, out timestamp))
        {
            throw CsvErrors.Row(_source, line, $"local time does not exist in {_clock.Description} (skipped by a daylight-saving change)",
                "<TIME>", "a local time that exists", row[..23]);
        }
        if (!hasBid && !hasAsk)
        {
            skip = CsvSkipReason.NoQuoteChange;
            return false;
        }
        if (hasBid)
        {
            _bid = bid;
            _hasBid = true;
        }
        if (hasAsk)
        {
            _ask = ask;
            _hasAsk = true;
        }
        if (!_hasBid || !_hasAsk)
        {
            skip = CsvSkipReason.QuoteSideUnknown;
            return false;
        }
        bid = _bid;
        ask = _ask;
        return true;
    }

    // yyyy.MM.dd; -1 when malformed or not a real date.
    private static long ParseDate(ReadOnlySpan<byte> row)
    {
        uint bad = 0;
        var year = CivilTime.Digits(row, 0, 4, ref bad);
        CivilTime.Expect(row, 4, (byte)'.', ref bad);
        var month = CivilTime.Digits(row, 5, 2, ref bad);
        CivilTime.Expect(row, 7, (byte)'.', ref bad);
        var day = CivilTime.Digits(row, 8, 2, ref bad);
        return bad != 0 ? -1 : CivilTime.DateMicros(year, month, day);
    }

    // LAST, VOLUME and FLAGS: empty, or a number (FLAGS an integer). Returns the field's end.
    private readonly int CheckExtra(ReadOnlySpan<byte> row, long line, int start, string field)
    {
        var isFlags = field == "<FLAGS>";
        var expected = isFlags ? "an integer like 6, or nothing" : "a number, or nothing";
        if (start > row.Length)
        {
            throw CsvErrors.BadField(_source, line, row, start, Tab, field, expected);
        }
        var end = Utf8Number.FieldEnd(row, start, Tab);
        if (end == start)
        {
            return end;
        }
        var ok = isFlags
            ? Utf8Number.TryParseInt64(row, start, Tab, out _, out _)
            : Utf8Number.TryParseDouble(row, start, Tab, out _, out _);
        return ok ? end : throw CsvErrors.BadField(_source, line, row, start, Tab, field, expected);
    }
}
