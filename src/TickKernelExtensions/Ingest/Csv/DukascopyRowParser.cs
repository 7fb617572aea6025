using System.Runtime.InteropServices;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Dukascopy web / JForex export rows: <c>dd.MM.yyyy HH:mm:ss.fff[ GMT+hhmm],Ask,Bid[,AskVolume,BidVolume]</c>,
/// ask before bid, volumes in millions. Example: <c>31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13</c>.
/// A <c> GMT+0100</c> suffix gives the row's own offset from UTC and wins; rows without one use the
/// file's clock (from the header, or from the options for a "Local time" export).
/// </summary>
internal struct DukascopyRowParser : ICsvRowParser
{
    public const string ExpectedTime = "dd.MM.yyyy HH:mm:ss.fff, optionally followed by ' GMT+hhmm'";
    private const byte Comma = (byte)',';
    private const int TimeLength = 23;

    private readonly string _source;
    private readonly string _timeField;
    private readonly bool _volumes;
    private readonly LocalClock? _clock;
    private ulong _dateKey;
    private ushort _dateKeyTail;
    private long _dateMicros;

    /// <param name="source">Where the rows come from, for errors.</param>
    /// <param name="timeField">The time column's name as the header spells it (<c>Gmt time</c>, <c>Local time</c> …).</param>
    /// <param name="volumes">Whether the rows carry AskVolume and BidVolume.</param>
    /// <param name="clock">The clock of rows without a GMT suffix; null when every row must carry one.</param>
    public DukascopyRowParser(string source, string timeField, bool volumes, LocalClock? clock)
    {
        _source = source;
        _timeField = timeField;
        _volumes = volumes;
        _clock = clock;
    }

    public bool TryParse(ReadOnlySpan<byte> row, long line,
        out long timestamp, out double bid, out double ask, out float bidVolume, out float askVolume, out CsvSkipReason skip)
    {
        skip = default;
        if (row.Length <= TimeLength)
        {
            throw BadTime(row, line);
        }

        // The date changes rarely: compare its 10 bytes with the previous row's before parsing them
        // (the initial key of zero bytes never matches text).
        var key = MemoryMarshal.Read<ulong>(row);
        var keyTail = MemoryMarshal.Read<ushort>(row[8..]);
        if (key != _dateKey || keyTail != _dateKeyTail)
        {
            _dateMicros = ParseDate(row);
            if (_dateMicros < 0)
            {
                throw BadTime(row, line);
            }
            _dateKey = key;
            _dateKeyTail = keyTail;
        }
        uint bad = 0;
        CivilTime.Expect(row, 10, (byte)' ', ref bad);
        var hour = CivilTime.Digits(row, 11, 2, ref bad);
        CivilTime.Expect(row, 13, (byte)':', ref bad);
        var minute = CivilTime.Digits(row, 14, 2, ref bad);
        CivilTime.Expect(row, 16, (byte)':', ref bad);
        var second = CivilTime.Digits(row, 17, 2, ref bad);
        CivilTime.Expect(row, 19, (byte)'.', ref bad);
        var milli = CivilTime.Digits(row, 20, 3, ref bad);
        var timeOfDay = CivilTime.TimeOfDayMicros(hour, minute, second, milli);
        if (bad != 0 || timeOfDay < 0)
        {
            throw BadTime(row, line);
        }
        var local = _dateMicros + timeOfDay;
        int end;
        if (row[TimeLength] == (byte)' ')
        {
            if (!TrySuffix(row, out var offsetMicros, out end))
            {
                throw BadTime(row, line);
            }
            timestamp = local - offsetMicros;
        }
        else
        {
            end = TimeLength;
            if (_clock is null)
            {
                throw CsvErrors.Row(_source, line,
                    "row has no ' GMT+hhmm' suffix, and the header does not say the times are GMT: the row's offset from UTC is unknown",
                    _timeField, ExpectedTime, row[..Utf8Number.FieldEnd(row, 0, Comma)]);
            }
            if (!_clock.TryToUtc(local, out timestamp))
            {
                throw CsvErrors.Row(_source, line, $"local time does not exist in {_clock.Description} (skipped by a daylight-saving change)",
                    _timeField, "a local time that exists", row[..TimeLength]);
            }
        }
        if ((uint)end >= (uint)row.Length || row[end] != Comma)
        {
            throw BadTime(row, line);
        }
        var start = end + 1;
        if (!Utf8Number.TryParseDouble(row, start, Comma, out ask, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Comma, "Ask", CsvErrors.ExpectedPrice);
        }
        start = end + 1;
        if (!Utf8Number.TryParseDouble(row, start, Comma, out bid, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Comma, "Bid", CsvErrors.ExpectedPrice);
        }
        if (_volumes)
        {
            start = end + 1;
            if (!Utf8Number.TryParseSingle(row, start, Comma, out askVolume, out end))
            {
                throw CsvErrors.BadField(_source, line, row, start, Comma, "AskVolume", CsvErrors.ExpectedVolume);
            }
            start = end + 1;
            if (!Utf8Number.TryParseSingle(row, start, Comma, out bidVolume, out end))
            {
                throw CsvErrors.BadField(_source, line, row, start, Comma, "BidVolume", CsvErrors.ExpectedVolume);
            }
        }
        else
        {
            askVolume = float.NaN;
            bidVolume = float.NaN;
        }
        if (end != row.Length)
        {
            throw CsvErrors.ExtraFields(_source, line, row, end, _volumes ? 5 : 3, _volumes ? "BidVolume" : "Bid");
        }
        return true;
    }

    // dd.MM.yyyy; -1 when malformed or not a real date.
    private static long ParseDate(ReadOnlySpan<byte> row)
    {
        uint bad = 0;
        var day = CivilTime.Digits(row, 0, 2, ref bad);
        CivilTime.Expect(row, 2, (byte)'.', ref bad);
        var month = CivilTime.Digits(row, 3, 2, ref bad);
        CivilTime.Expect(row, 5, (byte)'.', ref bad);
        var year = CivilTime.Digits(row, 6, 4, ref bad);
        return bad != 0 ? -1 : CivilTime.DateMicros(year, month, day);
    }

    // " GMT", " GMT+hhmm" or " GMT+hh:mm" after the time; the offset is local minus UTC.
    private static bool TrySuffix(ReadOnlySpan<byte> row, out long offsetMicros, out int end)
    {
        offsetMicros = 0;
        end = TimeLength + 4;
        if (row.Length < end || !row.Slice(TimeLength + 1, 3).SequenceEqual("GMT"u8))
        {
            return false;
        }
        if (end == row.Length || (row[end] != (byte)'+' && row[end] != (byte)'-'))
        {
            return true;
        }
        var sign = row[end] == (byte)'-' ? -1 : 1;
        var colon = row.Length > end + 3 && row[end + 3] == (byte)':' ? 1 : 0;
        if (row.Length < end + 5 + colon)
        {
            return false;
        }
        uint bad = 0;
        var hours = CivilTime.Digits(row, end + 1, 2, ref bad);
        var minutes = CivilTime.Digits(row, end + 3 + colon, 2, ref bad);
        if (bad != 0 || hours > 14 || minutes > 59)
        {
            return false;
        }
        offsetMicros = sign * ((hours * 60L) + minutes) * 60_000_000L;
        end += 5 + colon;
        return true;
    }

    private readonly MarketDataException BadTime(ReadOnlySpan<byte> row, long line) =>
        CsvErrors.BadField(_source, line, row, 0, Comma, _timeField, ExpectedTime);
}
