using System.Runtime.InteropServices;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// HistData.com ASCII tick rows, no header: <c>yyyyMMdd HHmmssfff,bid,ask,volume</c>, bid before ask.
/// Example: <c>20120201 000003660,1.306600,1.306770,0</c>. HistData states its times are "EST without
/// daylight saving", i.e. UTC-5 all year, so the clock is fixed. The volume column is nearly always 0
/// and sometimes 2147483647 (int32 max): it is not a quote volume, so it is checked to be a number and
/// stored as NaN ("not provided") rather than passed on as if it meant something.
/// </summary>
internal struct HistDataRowParser : ICsvRowParser
{
    public const string ExpectedTime = "yyyyMMdd HHmmssfff";
    private const byte Comma = (byte)',';
    private const int TimeLength = 18;

    /// <summary>HistData's clock: UTC-5 all year.</summary>
    public static readonly TimeSpan UtcOffset = TimeSpan.FromHours(-5);

    private static readonly long OffsetMicros = UtcOffset.Ticks / TimeSpan.TicksPerMicrosecond;

    private readonly string _source;
    private ulong _dateKey;
    private long _dateMicros;

    public HistDataRowParser(string source) => _source = source;

    public bool TryParse(ReadOnlySpan<byte> row, long line,
        out long timestamp, out double bid, out double ask, out float bidVolume, out float askVolume, out CsvSkipReason skip)
    {
        skip = default;
        bidVolume = float.NaN;
        askVolume = float.NaN;
        if (row.Length <= TimeLength || row[TimeLength] != Comma)
        {
            throw CsvErrors.BadField(_source, line, row, 0, Comma, "time", ExpectedTime);
        }
        var key = MemoryMarshal.Read<ulong>(row);
        if (key != _dateKey)
        {
            _dateMicros = ParseDate(row);
            if (_dateMicros < 0)
            {
                throw CsvErrors.BadField(_source, line, row, 0, Comma, "time", ExpectedTime);
            }
            _dateKey = key;
        }
        uint bad = 0;
        CivilTime.Expect(row, 8, (byte)' ', ref bad);
        var hour = CivilTime.Digits(row, 9, 2, ref bad);
        var minute = CivilTime.Digits(row, 11, 2, ref bad);
        var second = CivilTime.Digits(row, 13, 2, ref bad);
        var milli = CivilTime.Digits(row, 15, 3, ref bad);
        var timeOfDay = CivilTime.TimeOfDayMicros(hour, minute, second, milli);
        if (bad != 0 || timeOfDay < 0)
        {
            throw CsvErrors.BadField(_source, line, row, 0, Comma, "time", ExpectedTime);
        }
        timestamp = _dateMicros + timeOfDay - OffsetMicros;

        var start = TimeLength + 1;
        if (!Utf8Number.TryParseDouble(row, start, Comma, out bid, out var end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Comma, "bid", CsvErrors.ExpectedPrice);
        }
        start = end + 1;
        if (!Utf8Number.TryParseDouble(row, start, Comma, out ask, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Comma, "ask", CsvErrors.ExpectedPrice);
        }
        start = end + 1;
        if (!Utf8Number.TryParseDouble(row, start, Comma, out _, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Comma, "volume", "a number like 0");
        }
        if (end != row.Length)
        {
            throw CsvErrors.ExtraFields(_source, line, row, end, 4, "volume");
        }
        return true;
    }

    // yyyyMMdd; -1 when malformed or not a real date.
    private static long ParseDate(ReadOnlySpan<byte> row)
    {
        uint bad = 0;
        var year = CivilTime.Digits(row, 0, 4, ref bad);
        var month = CivilTime.Digits(row, 4, 2, ref bad);
        var day = CivilTime.Digits(row, 6, 2, ref bad);
        return bad != 0 ? -1 : CivilTime.DateMicros(year, month, day);
    }
}
