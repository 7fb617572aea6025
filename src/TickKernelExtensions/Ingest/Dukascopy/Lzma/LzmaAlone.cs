using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// The LZMA "alone" (.lzma) container of bi5 files, with two implementations behind one facade: liblzma through
/// P/Invoke (fast; used when it loads) and SharpCompress in managed code (reference; used otherwise or on request).
/// Errors are <see cref="MarketDataException"/>s: <see cref="MarketDataErrorKind.NotLzma"/> for a bad header,
/// <see cref="MarketDataErrorKind.Truncated"/> when input ends early, <see cref="MarketDataErrorKind.CorruptPayload"/>
/// for bad data. Partial output is never returned as a success. Thread safe.
/// </summary>
internal static class LzmaAlone
{
    /// <summary>True when the native liblzma path can be used.</summary>
    public static bool IsNativeAvailable => Liblzma.IsAvailable;

    /// <summary>What <see cref="LzmaBackend.Auto"/> means on this machine.</summary>
    public static LzmaBackend DefaultBackend => IsNativeAvailable ? LzmaBackend.Native : LzmaBackend.Managed;

    /// <summary>Reads and validates the header (see <see cref="LzmaAloneHeader.Read"/>).</summary>
    public static LzmaAloneHeader ReadHeader(ReadOnlySpan<byte> data) => LzmaAloneHeader.Read(data);

    /// <summary>
    /// Decodes <paramref name="data"/>, whose header must state its size, into the start of
    /// <paramref name="destination"/> and returns that size.
    /// </summary>
    /// <exception cref="ArgumentException">The size is unknown (use <see cref="DecodePooled"/>) or the destination is too small.</exception>
    public static int Decode(ReadOnlySpan<byte> data, Span<byte> destination, LzmaBackend backend = LzmaBackend.Auto)
    {
        var header = LzmaAloneHeader.Read(data);
        if (!header.HasKnownSize)
        {
            throw new ArgumentException("The stream does not state its size; use DecodePooled.", nameof(data));
        }
        var size = (int)header.UncompressedSize;
        if (destination.Length < size)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The destination holds {destination.Length} bytes; the stream decodes to {size}."),
                nameof(destination));
        }
        DecodeKnownSize(data, destination[..size], Resolve(backend));
        return size;
    }

    /// <summary>Decodes <paramref name="data"/> into an array rented from the shared pool; dispose the result to return it.</summary>
    public static PooledBytes DecodePooled(ReadOnlySpan<byte> data, LzmaBackend backend = LzmaBackend.Auto)
    {
        var header = LzmaAloneHeader.Read(data);
        var resolved = Resolve(backend);
        if (!header.HasKnownSize)
        {
            return resolved == LzmaBackend.Native
                ? NativeLzmaCodec.DecodeUnknownSize(data)
                : ManagedLzmaCodec.DecodeUnknownSize(data);
        }
        var size = (int)header.UncompressedSize;
        var buffer = PooledBytes.Rent(size);
        try
        {
            DecodeKnownSize(data, buffer.AsSpan(0, size), resolved);
            return new PooledBytes(buffer, size);
        }
        catch
        {
            PooledBytes.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// Encodes <paramref name="data"/> the way Dukascopy's files are: properties 0x5D (lc 3, lp 0, pb 2), a 4 MiB
    /// dictionary, the uncompressed size in the header.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> data, LzmaBackend backend = LzmaBackend.Auto) =>
        Resolve(backend) == LzmaBackend.Native ? NativeLzmaCodec.Encode(data) : ManagedLzmaCodec.Encode(data);

    /// <summary>Maps <see cref="LzmaBackend.Auto"/> to a concrete backend; asking for an unavailable native path is an error.</summary>
    public static LzmaBackend Resolve(LzmaBackend backend) => backend switch
    {
        LzmaBackend.Auto => DefaultBackend,
        LzmaBackend.Native when !IsNativeAvailable => throw new InvalidOperationException(
            $"The native LZMA path was requested but is unavailable: {Liblzma.LoadFailure}"),
        LzmaBackend.Native or LzmaBackend.Managed => backend,
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };

    private static void DecodeKnownSize(ReadOnlySpan<byte> data, Span<byte> destination, LzmaBackend resolved)
    {
        if (data.Length == LzmaAloneHeader.Size && !destination.IsEmpty)
        {
            throw LzmaAloneHeader.Error(MarketDataErrorKind.Truncated, "The LZMA stream has a header but no data.",
                "length", "compressed data after the 13-byte header", "0 bytes");
        }
        if (resolved == LzmaBackend.Native)
        {
            NativeLzmaCodec.DecodeKnownSize(data, destination);
        }
        else
        {
            ManagedLzmaCodec.DecodeKnownSize(data, destination);
        }
    }
}
