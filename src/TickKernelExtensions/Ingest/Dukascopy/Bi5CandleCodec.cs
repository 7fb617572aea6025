using System.Buffers;
using System.Buffers.Binary;
using TickKernelExtensions.Ingest.Dukascopy.Lzma;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// Reads and writes bi5 candle files (m1 per day, h1 per month, d1 per year): LZMA "alone" data holding 24-byte
/// big-endian records.
/// <code>
/// offset  0  uint32   seconds since the file's start
/// offset  4  uint32   open, points
/// offset  8  uint32   CLOSE, points    (the order is O, C, L, H, not OHLC)
/// offset 12  uint32   LOW, points
/// offset 16  uint32   HIGH, points
/// offset 20  float32  volume, millions of base units
/// </code>
/// An empty payload decodes to no candles. Errors are <see cref="Market.MarketDataException"/>s (NotLzma, Truncated,
/// CorruptPayload). Thread safe.
/// </summary>
public static class Bi5CandleCodec
{
    /// <summary>Bytes per candle record.</summary>
    public const int RecordSize = 24;

    /// <summary>Decodes a payload into raw records (points and float32 volume as stored).</summary>
    public static Bi5Candle[] Decode(ReadOnlySpan<byte> payload) => Decode(payload, LzmaBackend.Auto);

    /// <summary>Encodes raw records as a bi5 payload the way Dukascopy writes it. No candles give an empty payload.</summary>
    public static byte[] Encode(ReadOnlySpan<Bi5Candle> candles) => Encode(candles, LzmaBackend.Auto);

    internal static Bi5Candle[] Decode(ReadOnlySpan<byte> payload, LzmaBackend backend)
    {
        if (payload.IsEmpty)
        {
            return [];
        }
        using var decoded = Bi5Payload.Decompress(payload, RecordSize, "candle", backend);
        var records = decoded.Span;
        var candles = new Bi5Candle[records.Length / RecordSize];
        for (var i = 0; i < candles.Length; i++)
        {
            var r = records.Slice(i * RecordSize, RecordSize);
            candles[i] = new Bi5Candle(
                SecondOffset: BinaryPrimitives.ReadUInt32BigEndian(r),
                Open: BinaryPrimitives.ReadUInt32BigEndian(r[4..]),
                Close: BinaryPrimitives.ReadUInt32BigEndian(r[8..]),
                Low: BinaryPrimitives.ReadUInt32BigEndian(r[12..]),
                High: BinaryPrimitives.ReadUInt32BigEndian(r[16..]),
                Volume: BinaryPrimitives.ReadSingleBigEndian(r[20..]));
        }
        return candles;
    }

    internal static byte[] Encode(ReadOnlySpan<Bi5Candle> candles, LzmaBackend backend)
    {
        if (candles.IsEmpty)
        {
            return [];
        }
        var length = candles.Length * RecordSize;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            for (var i = 0; i < candles.Length; i++)
            {
                var c = candles[i];
                var r = buffer.AsSpan(i * RecordSize, RecordSize);
                BinaryPrimitives.WriteUInt32BigEndian(r, c.SecondOffset);
                BinaryPrimitives.WriteUInt32BigEndian(r[4..], c.Open);
                BinaryPrimitives.WriteUInt32BigEndian(r[8..], c.Close);
                BinaryPrimitives.WriteUInt32BigEndian(r[12..], c.Low);
                BinaryPrimitives.WriteUInt32BigEndian(r[16..], c.High);
                BinaryPrimitives.WriteSingleBigEndian(r[20..], c.Volume);
            }
            return Bi5Payload.Compress(buffer.AsSpan(0, length), backend);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
