using System.Globalization;
using TickKernelExtensions.Ingest.Dukascopy.Lzma;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>What the bi5 tick and candle codecs share: decompressing a payload of fixed-size records.</summary>
internal static class Bi5Payload
{
    /// <summary>
    /// Decompresses a non-empty bi5 payload into a pooled buffer, checking that it holds whole records. The size in
    /// the LZMA header is checked before anything is decompressed, so a bad file fails fast.
    /// </summary>
    public static PooledBytes Decompress(ReadOnlySpan<byte> payload, int recordSize, string recordName, LzmaBackend backend)
    {
        var header = LzmaAlone.ReadHeader(payload);
        if (header.HasKnownSize)
        {
            CheckLength((long)header.UncompressedSize, recordSize, recordName);
        }
        var decoded = LzmaAlone.DecodePooled(payload, backend);
        try
        {
            CheckLength(decoded.Length, recordSize, recordName);
            return decoded;
        }
        catch
        {
            decoded.Dispose();
            throw;
        }
    }

    /// <summary>Compresses records the way Dukascopy does; no records give an empty payload, as the feed serves an empty hour.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> records, LzmaBackend backend) =>
        records.IsEmpty ? [] : LzmaAlone.Encode(records, backend);

    private static void CheckLength(long length, int recordSize, string recordName)
    {
        if (length % recordSize != 0)
        {
            throw new MarketDataException(MarketDataErrorKind.CorruptPayload,
                $"The decompressed bi5 payload is not a whole number of {recordSize}-byte {recordName} records.")
            {
                Field = "decoded length",
                Expected = $"a multiple of {recordSize}",
                Actual = length.ToString(CultureInfo.InvariantCulture),
            };
        }
    }
}
