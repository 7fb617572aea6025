using System.Globalization;
using SharpCompress.Compressors.LZMA;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// The reference path of <see cref="LzmaAlone"/>: SharpCompress's LZMA, pure managed code. Slower than liblzma but
/// independent of it, so the two check each other in tests, and it runs where liblzma cannot be loaded.
/// Thread safe (every call builds its own coder).
/// </summary>
internal static unsafe class ManagedLzmaCodec
{
    /// <summary>
    /// Decodes a whole .lzma stream whose header states <c>destination.Length</c> bytes into
    /// <paramref name="destination"/>, failing unless exactly that many bytes decode and all input is used.
    /// </summary>
    public static void DecodeKnownSize(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            DecodeEmpty(data);
            return;
        }
        fixed (byte* input = data)
        {
            using var lzma = Open(data, input, destination.Length);
            var produced = 0;
            try
            {
                while (produced < destination.Length)
                {
                    var read = lzma.Read(destination[produced..]);
                    if (read == 0)
                    {
                        break;
                    }
                    produced += read;
                }
                // One more read runs SharpCompress's end checks (all input used, range coder finished).
                Span<byte> probe = stackalloc byte[1];
                if (produced == destination.Length && lzma.Read(probe) != 0)
                {
                    throw LzmaAloneHeader.Error(MarketDataErrorKind.CorruptPayload, "The LZMA stream decodes to more bytes than its header states.",
                        "uncompressed size", destination.Length.ToString(CultureInfo.InvariantCulture), "more");
                }
            }
            catch (Exception e) when (e is not MarketDataException)
            {
                throw Translate(e, produced, destination.Length);
            }
            if (produced != destination.Length)
            {
                throw LzmaAloneHeader.Error(MarketDataErrorKind.Truncated, "The LZMA stream decoded fewer bytes than its header states.",
                    "uncompressed size", destination.Length.ToString(CultureInfo.InvariantCulture), produced.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Decodes a .lzma stream of unknown size (ended by an end marker) into a rented, growing buffer.</summary>
    public static PooledBytes DecodeUnknownSize(ReadOnlySpan<byte> data)
    {
        var buffer = PooledBytes.Rent(Math.Max(64 * 1024, data.Length * 4));
        var produced = 0;
        try
        {
            fixed (byte* input = data)
            {
                using var lzma = Open(data, input, -1);
                try
                {
                    while (true)
                    {
                        if (produced == buffer.Length)
                        {
                            if (buffer.Length >= LzmaAloneHeader.MaxDecodedLength)
                            {
                                throw LzmaAloneHeader.Error(MarketDataErrorKind.CorruptPayload,
                                    "The LZMA stream of unknown size decodes to more bytes than one array can hold.",
                                    "uncompressed size", $"at most {LzmaAloneHeader.MaxDecodedLength} bytes", "more");
                            }
                            buffer = PooledBytes.Grow(buffer, produced, LzmaAloneHeader.MaxDecodedLength);
                        }
                        var read = lzma.Read(buffer, produced, buffer.Length - produced);
                        if (read == 0)
                        {
                            break;
                        }
                        produced += read;
                    }
                }
                catch (Exception e) when (e is not MarketDataException)
                {
                    throw Translate(e, produced, -1);
                }
            }
            return new PooledBytes(buffer, produced);
        }
        catch
        {
            PooledBytes.Return(buffer);
            throw;
        }
    }

    /// <summary>Encodes <paramref name="input"/> with props 0x5D, a 4 MiB dictionary, the size in the header and no end marker.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> input)
    {
        using var output = new MemoryStream(LzmaAloneHeader.Size + (input.Length / 2) + 64);
        var properties = new LzmaEncoderProperties(eos: false, dictionary: (int)LzmaAloneHeader.DukascopyDictionarySize, numFastBytes: 64);
        using (var lzma = LzmaStream.Create(properties, isLzma2: false, output))
        {
            Span<byte> header = stackalloc byte[LzmaAloneHeader.Size];
            new LzmaAloneHeader(lzma.Properties[0], LzmaAloneHeader.DukascopyDictionarySize, (ulong)input.Length).Write(header);
            output.Write(header);
            lzma.Write(input);
        }
        return output.ToArray();
    }

    /// <summary>
    /// SharpCompress cannot open a stream whose header states size 0, so check it here: without an end marker the
    /// data of an empty stream is exactly the range coder's five-byte flush, all zeros; otherwise it must be an end
    /// marker, which the unknown-size decoder reads.
    /// </summary>
    private static void DecodeEmpty(ReadOnlySpan<byte> data)
    {
        var body = data[LzmaAloneHeader.Size..];
        if (body.Length == 5 && !body.ContainsAnyExcept((byte)0))
        {
            return;
        }
        using var decoded = DecodeUnknownSize(data);
        if (decoded.Length != 0)
        {
            throw LzmaAloneHeader.Error(MarketDataErrorKind.CorruptPayload, "The LZMA stream decodes to more bytes than its header states.",
                "uncompressed size", "0", decoded.Length.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static LzmaStream Open(ReadOnlySpan<byte> data, byte* input, long outputSize)
    {
        var body = data.Length - LzmaAloneHeader.Size;
        var stream = new StrictInputStream(input + LzmaAloneHeader.Size, body);
        try
        {
            return LzmaStream.Create(data[..5].ToArray(), stream, body, outputSize, leaveOpen: false);
        }
        catch (EndOfStreamException e)
        {
            stream.Dispose();
            throw Translate(e, 0, outputSize);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static MarketDataException Translate(Exception e, long produced, long expected)
    {
        var of = expected < 0 ? "an unknown number of" : expected.ToString(CultureInfo.InvariantCulture);
        return e is EndOfStreamException
            ? new MarketDataException(MarketDataErrorKind.Truncated,
                $"The LZMA stream ends early ({produced} of {of} bytes decoded).", e)
            { Field = "length", Expected = "more compressed bytes" }
            : new MarketDataException(MarketDataErrorKind.CorruptPayload,
                $"The LZMA data is corrupt ({produced} of {of} bytes decoded): {e.GetType().Name}: {e.Message}", e)
            { Field = "lzma data", Expected = "a valid LZMA1 stream" };
    }
}
