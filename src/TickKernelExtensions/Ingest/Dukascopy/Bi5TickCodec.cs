using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using TickKernelExtensions.Ingest.Dukascopy.Lzma;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// Reads and writes bi5 tick files: one UTC hour of ticks as LZMA "alone" data holding 20-byte big-endian records.
/// <code>
/// offset  0  uint32   milliseconds since the file's hour start (0 … 3,599,999)
/// offset  4  uint32   ask, points      (ask BEFORE bid)
/// offset  8  uint32   bid, points
/// offset 12  float32  ask volume, millions of base units
/// offset 16  float32  bid volume, millions of base units
/// </code>
/// An empty payload (0 bytes) is how the feed serves an hour without ticks and decodes to no ticks. Errors are
/// <see cref="MarketDataException"/>s (NotLzma, Truncated, CorruptPayload) without a file name: callers that know
/// it add it with <see cref="MarketDataException.At"/>. Decompression uses liblzma when it loads, SharpCompress
/// otherwise. Thread safe.
/// </summary>
public static class Bi5TickCodec
{
    /// <summary>Bytes per tick record.</summary>
    public const int RecordSize = 20;

    /// <summary>Milliseconds in the hour a file covers; every offset is below this.</summary>
    public const uint MillisecondsPerHour = 3_600_000;

    /// <summary>Decodes a payload into raw records (points and float32 volumes as stored).</summary>
    public static Bi5Tick[] Decode(ReadOnlySpan<byte> payload) => Decode(payload, LzmaBackend.Auto);

    /// <summary>
    /// Decodes a payload and appends its ticks to <paramref name="target"/>: timestamp = <paramref name="hourStartUtc"/>
    /// + offset (UTC epoch microseconds), prices = points / <see cref="Instrument.DecimalFactor"/>, volumes as stored
    /// (float32, millions). Returns the number of ticks appended. On error nothing is appended. Allocates nothing per
    /// tick: the decompressed bytes live in a pooled buffer and are decoded straight into the columns.
    /// </summary>
    /// <param name="payload">The bi5 file's bytes (LZMA-compressed), or empty for an hour without ticks.</param>
    /// <param name="hourStartUtc">The UTC hour the file covers (whole hour; Kind Utc or Unspecified).</param>
    /// <param name="instrument">Supplies the decimal factor.</param>
    /// <param name="target">The batch to append to; it may already hold ticks.</param>
    public static int DecodeInto(ReadOnlySpan<byte> payload, DateTime hourStartUtc, Instrument instrument, TickColumns target) =>
        DecodeInto(payload, hourStartUtc, instrument, target, LzmaBackend.Auto);

    /// <summary>
    /// Encodes raw records as a bi5 payload the way Dukascopy writes it (LZMA props 0x5D, 4 MiB dictionary, size in
    /// the header). No ticks give an empty payload.
    /// </summary>
    /// <exception cref="ArgumentException">A millisecond offset is 3,600,000 or more.</exception>
    public static byte[] Encode(ReadOnlySpan<Bi5Tick> ticks) => Encode(ticks, LzmaBackend.Auto);

    internal static Bi5Tick[] Decode(ReadOnlySpan<byte> payload, LzmaBackend backend)
    {
        if (payload.IsEmpty)
        {
            return [];
        }
        using var decoded = Bi5Payload.Decompress(payload, RecordSize, "tick", backend);
        var records = decoded.Span;
        var ticks = new Bi5Tick[records.Length / RecordSize];
        for (var i = 0; i < ticks.Length; i++)
        {
            var r = records.Slice(i * RecordSize, RecordSize);
            var ms = BinaryPrimitives.ReadUInt32BigEndian(r);
            if (ms >= MillisecondsPerHour)
            {
                throw BadOffset(i, ticks.Length, ms);
            }
            ticks[i] = new Bi5Tick(
                ms,
                BinaryPrimitives.ReadUInt32BigEndian(r[4..]),
                BinaryPrimitives.ReadUInt32BigEndian(r[8..]),
                BinaryPrimitives.ReadSingleBigEndian(r[12..]),
                BinaryPrimitives.ReadSingleBigEndian(r[16..]));
        }
        return ticks;
    }

    internal static int DecodeInto(ReadOnlySpan<byte> payload, DateTime hourStartUtc, Instrument instrument, TickColumns target, LzmaBackend backend)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(target);
        var hourStartMicros = TickTime.ToMicros(hourStartUtc);
        if (hourStartMicros % TickTime.MicrosPerHour != 0)
        {
            throw new ArgumentException($"The hour start {hourStartUtc:O} is not a whole UTC hour.", nameof(hourStartUtc));
        }
        if (payload.IsEmpty)
        {
            return 0;
        }
        using var decoded = Bi5Payload.Decompress(payload, RecordSize, "tick", backend);
        return DecodeRecordsInto(decoded.Span, hourStartMicros, instrument.DecimalFactor, target);
    }

    /// <summary>The hot loop: decompressed records straight into the columns, no per-record objects.</summary>
    internal static int DecodeRecordsInto(ReadOnlySpan<byte> records, long hourStartMicros, int decimalFactor, TickColumns target)
    {
        var count = records.Length / RecordSize;
        var start = target.Append(count);
        var timestamps = target.Timestamps.Slice(start, count);
        var asks = target.Asks.Slice(start, count);
        var bids = target.Bids.Slice(start, count);
        var askVolumes = target.AskVolumes.Slice(start, count);
        var bidVolumes = target.BidVolumes.Slice(start, count);
        double factor = decimalFactor;
        for (var i = 0; i < count; i++)
        {
            var r = records.Slice(i * RecordSize, RecordSize);
            var ms = BinaryPrimitives.ReadUInt32BigEndian(r);
            if (ms >= MillisecondsPerHour)
            {
                target.Truncate(start);
                throw BadOffset(i, count, ms);
            }
            timestamps[i] = hourStartMicros + (ms * TickTime.MicrosPerMilli);
            asks[i] = BinaryPrimitives.ReadUInt32BigEndian(r[4..]) / factor;
            bids[i] = BinaryPrimitives.ReadUInt32BigEndian(r[8..]) / factor;
            askVolumes[i] = BinaryPrimitives.ReadSingleBigEndian(r[12..]);
            bidVolumes[i] = BinaryPrimitives.ReadSingleBigEndian(r[16..]);
        }
        return count;
    }

    internal static byte[] Encode(ReadOnlySpan<Bi5Tick> ticks, LzmaBackend backend)
    {
        if (ticks.IsEmpty)
        {
            return [];
        }
        var length = ticks.Length * RecordSize;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            for (var i = 0; i < ticks.Length; i++)
            {
                var t = ticks[i];
                if (t.MillisecondOffset >= MillisecondsPerHour)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Tick {i} has millisecond offset {t.MillisecondOffset}; a bi5 hour holds 0 … {MillisecondsPerHour - 1}."),
                        nameof(ticks));
                }
                var r = buffer.AsSpan(i * RecordSize, RecordSize);
                BinaryPrimitives.WriteUInt32BigEndian(r, t.MillisecondOffset);
                BinaryPrimitives.WriteUInt32BigEndian(r[4..], t.AskPoints);
                BinaryPrimitives.WriteUInt32BigEndian(r[8..], t.BidPoints);
                BinaryPrimitives.WriteSingleBigEndian(r[12..], t.AskVolume);
                BinaryPrimitives.WriteSingleBigEndian(r[16..], t.BidVolume);
            }
            return Bi5Payload.Compress(buffer.AsSpan(0, length), backend);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static MarketDataException BadOffset(int index, int count, uint ms) =>
        new(MarketDataErrorKind.CorruptPayload,
            string.Create(CultureInfo.InvariantCulture, $"bi5 tick record {index} of {count} (decoded byte {index * RecordSize}) lies outside its hour."))
        {
            Field = "millisecond offset",
            Expected = string.Create(CultureInfo.InvariantCulture, $"0 … {MillisecondsPerHour - 1}"),
            Actual = ms.ToString(CultureInfo.InvariantCulture),
        };
}
