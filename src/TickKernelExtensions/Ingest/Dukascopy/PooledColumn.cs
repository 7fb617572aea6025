using System.Buffers;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// A growable column of numbers in an array rented from <see cref="ArrayPool{T}.Shared"/>, used while parsing one
/// JSON API response. A mutable struct: keep it in a local or field, pass it by <c>ref</c>, dispose it once.
/// </summary>
internal struct PooledColumn<T> : IDisposable
    where T : unmanaged
{
    private T[]? _items;

    /// <summary>Number of values added.</summary>
    public int Count { get; private set; }

    /// <summary>True once the JSON field holding this column was read (an empty array counts).</summary>
    public bool Present { get; set; }

    /// <summary>The values added so far.</summary>
    public readonly ReadOnlySpan<T> Span => _items is null ? default : _items.AsSpan(0, Count);

    /// <summary>Appends a value.</summary>
    public void Add(T value)
    {
        if (_items is null || Count == _items.Length)
        {
            var bigger = ArrayPool<T>.Shared.Rent(Math.Max(256, Count * 2));
            if (_items is not null)
            {
                _items.AsSpan(0, Count).CopyTo(bigger);
                ArrayPool<T>.Shared.Return(_items);
            }
            _items = bigger;
        }
        _items[Count++] = value;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<T>.Shared.Return(_items);
            _items = null;
        }
        Count = 0;
    }
}
