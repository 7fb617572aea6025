using System.Buffers;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// A growable byte buffer whose storage is rented from <see cref="ArrayPool{T}.Shared"/>, so the
/// column chunks of successive row groups (and successive files) reuse the same memory instead of
/// touching fresh pages. Not thread safe. Bytes past <see cref="Length"/> are garbage.
/// </summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[] _array;

    public PooledBuffer(int initialCapacity = 256) =>
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialCapacity));

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The written bytes.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, Length);

    /// <summary>The written bytes, for stream writes.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, Length);

    /// <summary>Returns a span of at least <paramref name="sizeHint"/> bytes after the written ones; call <see cref="Advance"/> after filling it.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        EnsureCapacity(Length + sizeHint);
        return _array.AsSpan(Length);
    }

    /// <summary>Marks <paramref name="count"/> more bytes (filled through <see cref="GetSpan"/>) as written.</summary>
    public void Advance(int count)
    {
        if ((uint)count > (uint)(_array.Length - Length))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }
        Length += count;
    }

    public void WriteByte(byte value)
    {
        if (Length == _array.Length)
        {
            EnsureCapacity(Length + 1);
        }
        _array[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>Forgets the written bytes, keeping the memory.</summary>
    public void Clear() => Length = 0;

    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void EnsureCapacity(int capacity)
    {
        if (capacity <= _array.Length)
        {
            return;
        }
        ObjectDisposedException.ThrowIf(_array.Length == 0, this);
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, (int)Math.Min(Array.MaxLength, _array.Length * 2L)));
        _array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
