using System.Buffers.Binary;
using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// The 13-byte header of an LZMA "alone" (<c>.lzma</c>) stream, the container of every bi5 file.
/// <code>
/// offset 0   1 byte   properties = (pb * 5 + lp) * 9 + lc   (Dukascopy: 0x5D = lc 3, lp 0, pb 2)
/// offset 1   4 bytes  dictionary size, little endian        (Dukascopy: 0x00400000 = 4 MiB)
/// offset 5   8 bytes  uncompressed size, little endian      (all ones = unknown, then an end marker follows the data)
/// offset 13  ...      raw LZMA1 data
/// </code>
/// </summary>
internal readonly record struct LzmaAloneHeader(byte Properties, uint DictionarySize, ulong UncompressedSize)
{
    /// <summary>Header length in bytes.</summary>
    public const int Size = 13;

    /// <summary>The uncompressed-size value meaning "unknown; the data ends with an end marker".</summary>
    public const ulong UnknownSize = ulong.MaxValue;

    /// <summary>The properties byte of every Dukascopy file: lc=3, lp=0, pb=2.</summary>
    public const byte DukascopyProperties = 0x5D;

    /// <summary>The dictionary size of every Dukascopy file: 4 MiB.</summary>
    public const uint DukascopyDictionarySize = 4u << 20;

    /// <summary>The largest uncompressed size we decode: it must fit one array.</summary>
    public static long MaxDecodedLength => Array.MaxLength;

    /// <summary>True when the header states the uncompressed size (Dukascopy always does).</summary>
    public bool HasKnownSize => UncompressedSize != UnknownSize;

    /// <summary>The Dukascopy header for <paramref name="uncompressedSize"/> bytes.</summary>
    public static LzmaAloneHeader ForDukascopy(long uncompressedSize) =>
        new(DukascopyProperties, DukascopyDictionarySize, checked((ulong)uncompressedSize));

    /// <summary>
    /// Reads and validates the header at the start of <paramref name="data"/>. Throws
    /// <see cref="MarketDataException"/> of kind <see cref="MarketDataErrorKind.NotLzma"/> when the bytes cannot be an
    /// LZMA header (an HTML page, random bytes, a bad properties byte, an odd dictionary size, an absurd size) and
    /// <see cref="MarketDataErrorKind.Truncated"/> when fewer than 13 bytes are present but those look right.
    /// </summary>
    /// <remarks>
    /// The checks are those of xz's strict ("picky") .lzma detection: lc + lp &lt;= 4 and a dictionary size of
    /// 2^n or 2^n + 2^(n-1). Every mainstream encoder (xz, the LZMA SDK, Dukascopy's feed) writes such headers,
    /// while text and random bytes almost never pass, which is what lets us tell a block page from data.
    /// </remarks>
    public static LzmaAloneHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw Error(MarketDataErrorKind.Truncated, "The LZMA stream is empty: its 13-byte header is missing.", "length", $"at least {Size} bytes", "0");
        }
        if (!IsValidProperties(data[0]))
        {
            throw NotLzma(data, "properties byte", "lc + lp <= 4 and pb <= 4 (Dukascopy: 0x5D)", Hex(data[0]));
        }
        if (data.Length >= 5)
        {
            var dictionary = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            if (!IsValidDictionarySize(dictionary))
            {
                throw NotLzma(data, "dictionary size", "2^n or 2^n + 2^(n-1) between 4 KiB and 1.5 GiB (Dukascopy: 4 MiB)",
                    dictionary.ToString(CultureInfo.InvariantCulture));
            }
        }
        if (data.Length < Size)
        {
            throw Error(MarketDataErrorKind.Truncated, "The LZMA stream ends inside its 13-byte header.",
                "length", $"at least {Size} bytes", data.Length.ToString(CultureInfo.InvariantCulture));
        }
        var size = BinaryPrimitives.ReadUInt64LittleEndian(data[5..]);
        if (size != UnknownSize && size > (ulong)MaxDecodedLength)
        {
            throw NotLzma(data, "uncompressed size", $"at most {MaxDecodedLength} bytes, or unknown (all ones)",
                size.ToString(CultureInfo.InvariantCulture));
        }
        return new LzmaAloneHeader(data[0], BinaryPrimitives.ReadUInt32LittleEndian(data[1..]), size);
    }

    /// <summary>Writes the 13 header bytes.</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = Properties;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[1..], DictionarySize);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[5..], UncompressedSize);
    }

    private static bool IsValidProperties(byte properties)
    {
        if (properties >= 9 * 5 * 5)
        {
            return false;
        }
        var lc = properties % 9;
        var lp = properties / 9 % 5;
        return lc + lp <= 4;
    }

    private static bool IsValidDictionarySize(uint size)
    {
        if (size < 4096 || size > 0x6000_0000u)
        {
            return false;
        }
        // 2^n, or 2^n + 2^(n-1): at most two bits set, and if two, adjacent.
        var high = 1u << (31 - System.Numerics.BitOperations.LeadingZeroCount(size));
        var rest = size - high;
        return rest == 0 || rest == high >> 1;
    }

    private static MarketDataException NotLzma(ReadOnlySpan<byte> data, string field, string expected, string actual)
    {
        var html = LooksLikeText(data)
            ? " The payload looks like text (an HTML or error page?), not a bi5 file."
            : "";
        return Error(MarketDataErrorKind.NotLzma, $"The payload does not start with a valid LZMA header.{html}", field, expected, actual);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> data)
    {
        var trimmed = data.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && (trimmed[0] == (byte)'<' || trimmed[0] == (byte)'{');
    }

    private static string Hex(byte b) => "0x" + b.ToString("X2", CultureInfo.InvariantCulture);

    internal static MarketDataException Error(MarketDataErrorKind kind, string message, string field, string expected, string actual) =>
        new(kind, message) { Field = field, Expected = expected, Actual = actual };
}
