using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// The fast path of <see cref="LzmaAlone"/>: liblzma's .lzma decoder and a raw LZMA1 encoder. Each thread keeps one
/// decoder stream alive between calls, so liblzma reuses its dictionary instead of allocating 4 MiB per file.
/// Thread safe.
/// </summary>
internal static unsafe class NativeLzmaCodec
{
    [ThreadStatic]
    private static NativeLzmaStreamHandle? t_decoder;

    /// <summary>
    /// Decodes a whole .lzma stream whose header states <c>destination.Length</c> bytes into
    /// <paramref name="destination"/>, failing unless exactly that many bytes decode and all input is used.
    /// </summary>
    public static void DecodeKnownSize(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var handle = t_decoder ??= new NativeLzmaStreamHandle();
        var s = handle.Stream;
        Check(handle, Liblzma.AloneDecoder(s, ulong.MaxValue), destination.Length);
        NativeLzmaReturn ret;
        // liblzma makes no progress without output room, even for a stream of size 0: give it a spare byte then.
        byte spare = 0;
        fixed (byte* input = data)
        fixed (byte* output = destination)
        {
            s->NextIn = input;
            s->AvailIn = (nuint)data.Length;
            s->NextOut = destination.IsEmpty ? &spare : output;
            s->AvailOut = destination.IsEmpty ? 1 : (nuint)destination.Length;
            do
            {
                ret = Liblzma.Code(s, Liblzma.Finish);
            }
            while (ret == NativeLzmaReturn.Ok);
            s->NextIn = null;
            s->NextOut = null;
        }
        Finish(handle, ret, destination.Length);
    }

    /// <summary>Decodes a .lzma stream of unknown size (ended by an end marker) into a rented, growing buffer.</summary>
    public static PooledBytes DecodeUnknownSize(ReadOnlySpan<byte> data)
    {
        var handle = t_decoder ??= new NativeLzmaStreamHandle();
        var s = handle.Stream;
        Check(handle, Liblzma.AloneDecoder(s, ulong.MaxValue), -1);
        var buffer = PooledBytes.Rent(Math.Max(64 * 1024, data.Length * 4));
        try
        {
            NativeLzmaReturn ret;
            var produced = 0;
            fixed (byte* input = data)
            {
                s->NextIn = input;
                s->AvailIn = (nuint)data.Length;
                while (true)
                {
                    fixed (byte* output = buffer)
                    {
                        s->NextOut = output + produced;
                        s->AvailOut = (nuint)(buffer.Length - produced);
                        ret = Liblzma.Code(s, Liblzma.Finish);
                        produced = buffer.Length - (int)s->AvailOut;
                        s->NextOut = null;
                    }
                    if (ret == NativeLzmaReturn.Ok && s->AvailOut != 0)
                    {
                        continue;
                    }
                    if (ret is not (NativeLzmaReturn.Ok or NativeLzmaReturn.BufError) || s->AvailOut != 0)
                    {
                        break;
                    }
                    // The output is full and the stream has not ended: make room.
                    if (buffer.Length >= LzmaAloneHeader.MaxDecodedLength)
                    {
                        handle.Reset();
                        throw LzmaAloneHeader.Error(MarketDataErrorKind.CorruptPayload,
                            "The LZMA stream of unknown size decodes to more bytes than one array can hold.",
                            "uncompressed size", $"at most {LzmaAloneHeader.MaxDecodedLength} bytes", "more");
                    }
                    buffer = PooledBytes.Grow(buffer, produced, LzmaAloneHeader.MaxDecodedLength);
                }
                s->NextIn = null;
            }
            Finish(handle, ret, -1);
            return new PooledBytes(buffer, produced);
        }
        catch
        {
            PooledBytes.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// Encodes <paramref name="input"/> as a Dukascopy-style .lzma stream: props 0x5D, dictionary 4 MiB, the size in
    /// the header and no end marker (liblzma's raw LZMA1EXT encoder, liblzma 5.4+). With liblzma older than 5.4, or
    /// when <paramref name="useAloneEncoder"/> is set, <c>lzma_alone_encoder</c> is used and its header's unknown
    /// size is replaced by the real one; that stream keeps its end marker, which every .lzma decoder accepts.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> input, bool useAloneEncoder = false)
    {
        using var handle = new NativeLzmaStreamHandle();
        var s = handle.Stream;
        var options = DukascopyOptions();
        var headerWritten = false;
        if (!useAloneEncoder)
        {
            var filters = stackalloc NativeLzmaFilter[2];
            filters[0] = new NativeLzmaFilter { Id = NativeLzmaFilter.Lzma1Ext, Options = &options };
            filters[1] = new NativeLzmaFilter { Id = NativeLzmaFilter.Terminator, Options = null };
            var raw = Liblzma.RawEncoder(s, filters);
            useAloneEncoder = raw == NativeLzmaReturn.OptionsError;
            if (!useAloneEncoder)
            {
                ThrowIfInitFailed(raw, "lzma_raw_encoder");
                headerWritten = true;
            }
        }
        if (useAloneEncoder)
        {
            ThrowIfInitFailed(Liblzma.AloneEncoder(s, &options), "lzma_alone_encoder");
        }

        var buffer = PooledBytes.Rent(LzmaAloneHeader.Size + input.Length + (input.Length / 2) + 4096);
        try
        {
            var produced = 0;
            if (headerWritten)
            {
                LzmaAloneHeader.ForDukascopy(input.Length).Write(buffer);
                produced = LzmaAloneHeader.Size;
            }
            NativeLzmaReturn ret;
            fixed (byte* source = input)
            {
                s->NextIn = source;
                s->AvailIn = (nuint)input.Length;
                while (true)
                {
                    fixed (byte* output = buffer)
                    {
                        s->NextOut = output + produced;
                        s->AvailOut = (nuint)(buffer.Length - produced);
                        ret = Liblzma.Code(s, Liblzma.Finish);
                        produced = buffer.Length - (int)s->AvailOut;
                        s->NextOut = null;
                    }
                    if (ret == NativeLzmaReturn.StreamEnd)
                    {
                        break;
                    }
                    if (ret != NativeLzmaReturn.Ok)
                    {
                        throw new InvalidOperationException($"liblzma failed to encode: lzma_code returned {ret}.");
                    }
                    if (s->AvailOut == 0)
                    {
                        buffer = PooledBytes.Grow(buffer, produced, LzmaAloneHeader.MaxDecodedLength);
                    }
                }
                s->NextIn = null;
            }
            var result = buffer.AsSpan(0, produced).ToArray();
            if (!headerWritten)
            {
                // lzma_alone_encoder always writes "unknown size"; Dukascopy readers expect the real one.
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(5), (ulong)input.Length);
            }
            return result;
        }
        finally
        {
            PooledBytes.Return(buffer);
        }
    }

    /// <summary>
    /// liblzma's default preset (6, as <c>xz --format=lzma</c>) with Dukascopy's parameters: a 4 MiB dictionary,
    /// lc 3, lp 0, pb 2 (properties byte 0x5D), and no end marker when used as LZMA1EXT.
    /// </summary>
    public static NativeLzmaOptions DukascopyOptions()
    {
        NativeLzmaOptions options;
        if (!Liblzma.Preset(&options, Liblzma.DefaultPreset))
        {
            throw new InvalidOperationException("liblzma rejected its own default preset.");
        }
        options.DictSize = LzmaAloneHeader.DukascopyDictionarySize;
        options.Lc = 3;
        options.Lp = 0;
        options.Pb = 2;
        options.ExtFlags = 0;
        return options;
    }

    private static void Check(NativeLzmaStreamHandle handle, NativeLzmaReturn ret, long expected)
    {
        if (ret != NativeLzmaReturn.Ok)
        {
            handle.Reset();
            throw Failure(ret, handle.Stream, expected);
        }
    }

    private static void Finish(NativeLzmaStreamHandle handle, NativeLzmaReturn ret, long expected)
    {
        var s = handle.Stream;
        if (ret == NativeLzmaReturn.StreamEnd && s->AvailIn == 0 && (expected < 0 || (long)s->TotalOut == expected))
        {
            return;
        }
        var error = ret == NativeLzmaReturn.StreamEnd
            ? TrailingOrShort(s, expected)
            : Failure(ret, s, expected);
        handle.Reset();
        throw error;
    }

    private static MarketDataException TrailingOrShort(NativeLzmaStream* s, long expected) =>
        s->AvailIn != 0
            ? LzmaAloneHeader.Error(MarketDataErrorKind.CorruptPayload, "Bytes follow the end of the LZMA stream.",
                "trailing bytes", "0", s->AvailIn.ToString(CultureInfo.InvariantCulture))
            : LzmaAloneHeader.Error(MarketDataErrorKind.Truncated, "The LZMA stream decoded fewer bytes than its header states.",
                "uncompressed size", expected.ToString(CultureInfo.InvariantCulture), s->TotalOut.ToString(CultureInfo.InvariantCulture));

    private static MarketDataException Failure(NativeLzmaReturn ret, NativeLzmaStream* s, long expected)
    {
        var done = $"after {s->TotalIn} input bytes, {s->TotalOut} of {(expected < 0 ? "an unknown number of" : expected.ToString(CultureInfo.InvariantCulture))} bytes decoded";
        return ret switch
        {
            NativeLzmaReturn.BufError when s->AvailIn == 0 => LzmaAloneHeader.Error(MarketDataErrorKind.Truncated,
                $"The LZMA stream ends early ({done}).", "length", "more compressed bytes", s->TotalIn.ToString(CultureInfo.InvariantCulture)),
            NativeLzmaReturn.BufError => LzmaAloneHeader.Error(MarketDataErrorKind.CorruptPayload,
                $"The LZMA stream decodes to more bytes than its header states ({done}).", "uncompressed size",
                expected.ToString(CultureInfo.InvariantCulture), "more"),
            NativeLzmaReturn.DataError => LzmaAloneHeader.Error(MarketDataErrorKind.CorruptPayload,
                $"The LZMA data is corrupt ({done}).", "lzma data", "a valid LZMA1 stream", "liblzma LZMA_DATA_ERROR"),
            NativeLzmaReturn.FormatError or NativeLzmaReturn.OptionsError => LzmaAloneHeader.Error(MarketDataErrorKind.NotLzma,
                "liblzma rejected the LZMA header.", "header", "a .lzma header", $"liblzma {ret}"),
            _ => new MarketDataException(MarketDataErrorKind.CorruptPayload,
                $"liblzma failed with {ret} ({done}).", new InvalidOperationException($"lzma_code returned {ret}.")),
        };
    }

    private static void ThrowIfInitFailed(NativeLzmaReturn ret, string function)
    {
        if (ret != NativeLzmaReturn.Ok)
        {
            throw new InvalidOperationException($"liblzma {function} failed with {ret}.");
        }
    }
}
