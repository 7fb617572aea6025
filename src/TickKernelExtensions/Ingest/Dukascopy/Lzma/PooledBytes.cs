using System.Buffers;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// Decoded bytes in an array rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Dispose"/> returns it.
/// A mutable struct: keep it in one local (<c>using var</c>) and never copy it.
/// </summary>
internal struct PooledBytes : IDisposable
{
    private byte[]? _array;

    public PooledBytes(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    /// <summary>Number of valid bytes.</summary>
    public int Length { get; }

    /// <summary>The valid bytes; empty after <see cref="Dispose"/>.</summary>
    public readonly ReadOnlySpan<byte> Span => _array is null ? default : _array.AsSpan(0, Length);

    /// <summary>Rents an array of at least <paramref name="minimumLength"/> bytes (an empty array for 0).</summary>
    public static byte[] Rent(int minimumLength) => ArrayPool<byte>.Shared.Rent(minimumLength);

    /// <summary>Returns a rented array to the pool.</summary>
    public static void Return(byte[] array) => ArrayPool<byte>.Shared.Return(array);

    /// <summary>Copies the first <paramref name="used"/> bytes into a rented array at least twice as large.</summary>
    public static byte[] Grow(byte[] array, int used, long maximum)
    {
        var size = (int)Math.Min(maximum, Math.Max(4096L, array.LongLength * 2));
        var bigger = Rent(size);
        array.AsSpan(0, used).CopyTo(bigger);
        Return(array);
        return bigger;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_array is not null)
        {
            Return(_array);
            _array = null;
        }
    }
}
