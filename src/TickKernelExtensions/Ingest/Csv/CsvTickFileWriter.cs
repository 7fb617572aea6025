using System.Globalization;
using System.IO.Compression;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Writes ticks in one of the CSV formats <see cref="CsvTickReader"/> reads, the way the format's own
/// tool writes them: test inputs, and large benchmark files (it streams through one reused 1 MiB
/// buffer, so a 10 M-tick file costs no more memory than a small one). Prices on the instrument's point grid print exactly (<c>1.13729</c>); other prices
/// print in shortest round-trip form, so reading a written file gives back the same doubles.
/// Timestamps must be whole milliseconds, which is all these formats can hold. HistData volumes
/// print as 0 and LEAN/MT5 have none, like the originals.
/// </summary>
public static class CsvTickFileWriter
{
    private const int BufferSize = 1 << 20;
    private const int RowRoom = 512;

    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    /// <summary>
    /// Writes <paramref name="ticks"/> to <paramref name="path"/> (replacing it). For LEAN the file is a
    /// zip holding <c>YYYYMMDD_{sym}_tick_quote.csv</c>, and every tick must fall on that one day.
    /// </summary>
    public static void Write(string path, TickColumns ticks, CsvTickWriteOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        Write(file, ticks, options);
    }

    /// <summary>Writes <paramref name="ticks"/> to <paramref name="stream"/>, which stays open.</summary>
    public static void Write(Stream stream, TickColumns ticks, CsvTickWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var timestamps = ticks.Timestamps;
        for (var i = 0; i < timestamps.Length; i++)
        {
            if (timestamps[i] % TickTime.MicrosPerMilli != 0)
            {
                throw new ArgumentException(
                    $"Tick {i} has a timestamp of {timestamps[i]} µs, not a whole millisecond: CSV tick formats hold milliseconds.", nameof(ticks));
            }
        }
        var toLocal = LocalOffset(options);
        if (options.Format != CsvTickFormat.Lean)
        {
            WriteRows(stream, ticks, options, toLocal, leanMidnight: 0);
            return;
        }
        if (ticks.Count == 0)
        {
            throw new ArgumentException("A LEAN file needs at least one tick: its name carries the tick's date.", nameof(ticks));
        }
        var firstLocal = timestamps[0] + toLocal(timestamps[0]);
        var day = Math.DivRem(firstLocal, TickTime.MicrosPerDay, out var rem) - (rem < 0 ? 1 : 0);
        var lastLocal = timestamps[^1] + toLocal(timestamps[^1]);
        if (lastLocal >= (day + 1) * TickTime.MicrosPerDay || lastLocal < day * TickTime.MicrosPerDay)
        {
            throw new ArgumentException("A LEAN file holds one day: every tick must fall on the first tick's (local) date.", nameof(ticks));
        }
        var (y, m, d) = CivilTime.CivilFromDays(day);
        var entryName = string.Create(CultureInfo.InvariantCulture,
            $"{y:D4}{m:D2}{d:D2}_{options.Instrument.Symbol.ToLowerInvariant()}_tick_quote.csv");
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        WriteRows(entry, ticks, options, toLocal, day * TickTime.MicrosPerDay);
    }

    private static void WriteRows(Stream stream, TickColumns ticks, CsvTickWriteOptions options, Func<long, long> toLocal, long leanMidnight)
    {
        var buffer = new byte[BufferSize];
        var pos = 0;
        var newline = options.CrLf ? "\r\n"u8 : "\n"u8;
        var instrument = options.Instrument;
        var header = Header(options);
        if (header is not null)
        {
            Append(buffer, ref pos, System.Text.Encoding.UTF8.GetBytes(header));
            Append(buffer, ref pos, newline);
        }
        var ts = ticks.Timestamps;
        var bids = ticks.Bids;
        var asks = ticks.Asks;
        var bidVolumes = ticks.BidVolumes;
        var askVolumes = ticks.AskVolumes;
        for (var i = 0; i < ts.Length; i++)
        {
            if (pos > buffer.Length - RowRoom)
            {
                stream.Write(buffer, 0, pos);
                pos = 0;
            }
            var offset = options.Format == CsvTickFormat.DukascopyNode ? 0 : toLocal(ts[i]);
            var local = ts[i] + offset;
            switch (options.Format)
            {
                case CsvTickFormat.Dukascopy:
                    WriteTime(buffer, ref pos, local, "dd.MM.yyyy HH:mm:ss.fff");
                    if (options.GmtSuffix)
                    {
                        Append(buffer, ref pos, " GMT"u8);
                        WriteOffset(buffer, ref pos, offset);
                    }
                    buffer[pos++] = (byte)',';
                    WritePrice(buffer, ref pos, asks[i], instrument, fixedDecimals: false);
                    buffer[pos++] = (byte)',';
                    WritePrice(buffer, ref pos, bids[i], instrument, fixedDecimals: false);
                    if (options.Volumes)
                    {
                        buffer[pos++] = (byte)',';
                        WriteVolume(buffer, ref pos, askVolumes[i]);
                        buffer[pos++] = (byte)',';
                        WriteVolume(buffer, ref pos, bidVolumes[i]);
                    }
                    break;
                case CsvTickFormat.DukascopyNode:
                    WriteInteger(buffer, ref pos, ts[i] / TickTime.MicrosPerMilli);
                    buffer[pos++] = (byte)',';
                    WritePrice(buffer, ref pos, asks[i], instrument, fixedDecimals: false);
                    buffer[pos++] = (byte)',';
                    WritePrice(buffer, ref pos, bids[i], instrument, fixedDecimals: false);
                    if (options.Volumes)
                    {
                        buffer[pos++] = (byte)',';
                        WriteVolume(buffer, ref pos, askVolumes[i]);
                        buffer[pos++] = (byte)',';
                        WriteVolume(buffer, ref pos, bidVolumes[i]);
                    }
                    break;
                case CsvTickFormat.Mt5:
                {
                    WriteTime(buffer, ref pos, local, "yyyy.MM.dd\tHH:mm:ss.fff");
                    var bidChanged = i == 0 || !options.Mt5OneSidedRows || bids[i] != bids[i - 1];
                    var askChanged = i == 0 || !options.Mt5OneSidedRows || asks[i] != asks[i - 1];
                    if (!bidChanged && !askChanged)
                    {
                        // A row with neither side would be read as "no quote change": repeat both.
                        bidChanged = askChanged = true;
                    }
                    buffer[pos++] = (byte)'\t';
                    if (bidChanged)
                    {
                        WritePrice(buffer, ref pos, bids[i], instrument, fixedDecimals: true);
                    }
                    buffer[pos++] = (byte)'\t';
                    if (askChanged)
                    {
                        WritePrice(buffer, ref pos, asks[i], instrument, fixedDecimals: true);
                    }
                    Append(buffer, ref pos, "\t\t\t"u8);
                    WriteInteger(buffer, ref pos, (bidChanged ? 2 : 0) + (askChanged ? 4 : 0));
                    break;
                }
                case CsvTickFormat.HistData:
                    WriteTime(buffer, ref pos, local, "yyyyMMdd HHmmssfff");
                    buffer[pos++] = (byte)',';
                    WritePrice(buffer, ref pos, bids[i], instrument, fixedDecimals: true, decimals: 6);
                    buffer[pos++] = (byte)',';
                    WritePrice(buffer, ref pos, asks[i], instrument, fixedDecimals: true, decimals: 6);
                    Append(buffer, ref pos, ",0"u8);
                    break;
                case CsvTickFormat.Lean:
                    WriteInteger(buffer, ref pos, (local - leanMidnight) / TickTime.MicrosPerMilli);
                    buffer[pos++] = (byte)',';
                    WritePrice(buffer, ref pos, bids[i], instrument, fixedDecimals: false);
                    buffer[pos++] = (byte)',';
                    WritePrice(buffer, ref pos, asks[i], instrument, fixedDecimals: false);
                    break;
            }
            Append(buffer, ref pos, newline);
        }
        stream.Write(buffer, 0, pos);
    }

    private static string? Header(CsvTickWriteOptions options)
    {
        var local = options.UtcOffset is not null || options.TimeZone is not null;
        return options.Format switch
        {
            CsvTickFormat.Dukascopy => (local ? "Local time" : "Gmt time") + ",Ask,Bid" + (options.Volumes ? ",AskVolume,BidVolume" : ""),
            CsvTickFormat.DukascopyNode => "timestamp,askPrice,bidPrice" + (options.Volumes ? ",askVolume,bidVolume" : ""),
            CsvTickFormat.Mt5 => "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>",
            _ => null,
        };
    }

    // Returns local - UTC in microseconds for a UTC instant, caching the offset per UTC hour.
    private static Func<long, long> LocalOffset(CsvTickWriteOptions options)
    {
        if (options.Format == CsvTickFormat.HistData)
        {
            var est = HistDataRowParser.UtcOffset.Ticks / TimeSpan.TicksPerMicrosecond;
            return _ => est;
        }
        if (options.UtcOffset is { } fixedOffset)
        {
            var micros = fixedOffset.Ticks / TimeSpan.TicksPerMicrosecond;
            return _ => micros;
        }
        if (options.TimeZone is null)
        {
            return _ => 0;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var cachedHour = long.MinValue;
        var cachedOffset = 0L;
        return utc =>
        {
            var hour = Math.DivRem(utc, TickTime.MicrosPerHour, out var rem) - (rem < 0 ? 1 : 0);
            if (hour == cachedHour)
            {
                return cachedOffset;
            }
            var start = OffsetAt(zone, hour * TickTime.MicrosPerHour);
            if (start == OffsetAt(zone, ((hour + 1) * TickTime.MicrosPerHour) - 1))
            {
                cachedHour = hour;
                cachedOffset = start;
                return start;
            }
            return OffsetAt(zone, utc);
        };
    }

    private static long OffsetAt(TimeZoneInfo zone, long utcMicros) =>
        zone.GetUtcOffset(TickTime.FromMicros(utcMicros)).Ticks / TimeSpan.TicksPerMicrosecond;

    // Formats local epoch microseconds with a pattern of dd, MM, yyyy, HH, mm, ss, fff and literals.
    private static void WriteTime(byte[] buffer, ref int pos, long localMicros, string pattern)
    {
        var day = Math.DivRem(localMicros, TickTime.MicrosPerDay, out var inDay);
        if (inDay < 0)
        {
            day--;
            inDay += TickTime.MicrosPerDay;
        }
        var (year, month, dayOfMonth) = CivilTime.CivilFromDays(day);
        var ms = inDay / TickTime.MicrosPerMilli;
        for (var k = 0; k < pattern.Length;)
        {
            var rest = pattern.AsSpan(k);
            if (rest.StartsWith("yyyy", StringComparison.Ordinal)) { WriteDigits(buffer, ref pos, year, 4); k += 4; }
            else if (rest.StartsWith("MM", StringComparison.Ordinal)) { WriteDigits(buffer, ref pos, month, 2); k += 2; }
            else if (rest.StartsWith("dd", StringComparison.Ordinal)) { WriteDigits(buffer, ref pos, dayOfMonth, 2); k += 2; }
            else if (rest.StartsWith("HH", StringComparison.Ordinal)) { WriteDigits(buffer, ref pos, ms / 3_600_000, 2); k += 2; }
            else if (rest.StartsWith("mm", StringComparison.Ordinal)) { WriteDigits(buffer, ref pos, ms / 60_000 % 60, 2); k += 2; }
            else if (rest.StartsWith("ss", StringComparison.Ordinal)) { WriteDigits(buffer, ref pos, ms / 1000 % 60, 2); k += 2; }
            else if (rest.StartsWith("fff", StringComparison.Ordinal)) { WriteDigits(buffer, ref pos, ms % 1000, 3); k += 3; }
            else { buffer[pos++] = (byte)pattern[k]; k++; }
        }
    }

    private static void WriteOffset(byte[] buffer, ref int pos, long offsetMicros)
    {
        buffer[pos++] = offsetMicros < 0 ? (byte)'-' : (byte)'+';
        var minutes = Math.Abs(offsetMicros) / 60_000_000;
        WriteDigits(buffer, ref pos, minutes / 60, 2);
        WriteDigits(buffer, ref pos, minutes % 60, 2);
    }

    private static void WriteDigits(byte[] buffer, ref int pos, long value, int width)
    {
        for (var k = width - 1; k >= 0; k--)
        {
            buffer[pos + k] = (byte)('0' + (value % 10));
            value /= 10;
        }
        pos += width;
    }

    private static void WriteInteger(byte[] buffer, ref int pos, long value)
    {
        value.TryFormat(buffer.AsSpan(pos), out var written, default, CultureInfo.InvariantCulture);
        pos += written;
    }

    // A price on the instrument's point grid prints as integer points with the decimal point inserted
    // (exact, and what the tools print); anything else prints in shortest round-trip form.
    private static void WritePrice(byte[] buffer, ref int pos, double price, Instrument instrument, bool fixedDecimals, int? decimals = null)
    {
        var scale = instrument.PriceDecimals;
        var factor = (double)PowersOfTen[scale];
        var points = Math.Round(price * factor);
        if (price > 0 && points < (1L << 53) && points / factor == price)
        {
            var p = (long)points;
            WriteInteger(buffer, ref pos, p / (long)factor);
            var digits = fixedDecimals ? decimals ?? scale : scale;
            var fraction = p % (long)factor;
            var shown = scale;
            if (!fixedDecimals)
            {
                while (shown > 0 && fraction % 10 == 0)
                {
                    fraction /= 10;
                    shown--;
                }
                digits = shown;
            }
            if (digits > 0)
            {
                buffer[pos++] = (byte)'.';
                WriteDigits(buffer, ref pos, fraction, shown);
                for (var k = shown; k < digits; k++)
                {
                    buffer[pos++] = (byte)'0';
                }
            }
            return;
        }
        price.TryFormat(buffer.AsSpan(pos), out var written, "R", CultureInfo.InvariantCulture);
        pos += written;
    }

    private static void WriteVolume(byte[] buffer, ref int pos, float volume)
    {
        if (float.IsNaN(volume))
        {
            // The formats have no "absent" marker for a volume column; 0 is what the tools write.
            buffer[pos++] = (byte)'0';
            return;
        }
        volume.TryFormat(buffer.AsSpan(pos), out var written, "R", CultureInfo.InvariantCulture);
        pos += written;
    }

    private static void Append(byte[] buffer, ref int pos, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(pos));
        pos += bytes.Length;
    }
}
