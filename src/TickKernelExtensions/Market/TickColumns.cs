using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Market;

/// <summary>
/// A growable columnar batch of quote ticks for one instrument, in the order they were received.
/// Timestamps are UTC microseconds since the Unix epoch; prices are in price units (not points);
/// volumes are float32 in millions of base units, as Dukascopy publishes them, with
/// <see cref="float.NaN"/> meaning "not provided by the source" (written as null in Parquet).
/// Not thread safe. Reuse one instance with <see cref="Clear"/> to keep memory bounded.
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource<TickColumns>), PreferredMimeTypes = ["text/html"])]
public sealed class TickColumns
{
    private long[] _timestamps;
    private double[] _bids;
    private double[] _asks;
    private float[] _bidVolumes;
    private float[] _askVolumes;

    /// <summary>Creates an empty batch with room for <paramref name="capacity"/> ticks.</summary>
    public TickColumns(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _timestamps = new long[capacity];
        _bids = new double[capacity];
        _asks = new double[capacity];
        _bidVolumes = new float[capacity];
        _askVolumes = new float[capacity];
    }

    /// <summary>Number of ticks in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>Allocated room, in ticks.</summary>
    public int Capacity => _timestamps.Length;

    /// <summary>UTC microseconds since the Unix epoch.</summary>
    public Span<long> Timestamps => _timestamps.AsSpan(0, Count);

    /// <summary>Bid prices.</summary>
    public Span<double> Bids => _bids.AsSpan(0, Count);

    /// <summary>Ask prices.</summary>
    public Span<double> Asks => _asks.AsSpan(0, Count);

    /// <summary>Bid volumes (millions of base units; NaN when not provided).</summary>
    public Span<float> BidVolumes => _bidVolumes.AsSpan(0, Count);

    /// <summary>Ask volumes (millions of base units; NaN when not provided).</summary>
    public Span<float> AskVolumes => _askVolumes.AsSpan(0, Count);

    /// <summary>Appends one tick.</summary>
    public void Add(long timestampMicros, double bid, double ask, float bidVolume, float askVolume)
    {
        if (Count == _timestamps.Length)
        {
            Grow(Count + 1);
        }
        var i = Count;
        _timestamps[i] = timestampMicros;
        _bids[i] = bid;
        _asks[i] = ask;
        _bidVolumes[i] = bidVolume;
        _askVolumes[i] = askVolume;
        Count = i + 1;
    }

    /// <summary>Appends the ticks <c>[start, start + length)</c> of another batch.</summary>
    public void AddRange(TickColumns other, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, other.Count);
        EnsureCapacity(Count + length);
        other._timestamps.AsSpan(start, length).CopyTo(_timestamps.AsSpan(Count));
        other._bids.AsSpan(start, length).CopyTo(_bids.AsSpan(Count));
        other._asks.AsSpan(start, length).CopyTo(_asks.AsSpan(Count));
        other._bidVolumes.AsSpan(start, length).CopyTo(_bidVolumes.AsSpan(Count));
        other._askVolumes.AsSpan(start, length).CopyTo(_askVolumes.AsSpan(Count));
        Count += length;
    }

    /// <summary>
    /// Reserves <paramref name="count"/> ticks at the end and returns their index; the caller fills the
    /// column spans from there. The fast path of decoders, which write columns directly.
    /// </summary>
    public int Append(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EnsureCapacity(Count + count);
        var start = Count;
        Count += count;
        return start;
    }

    /// <summary>Drops the last ticks so that <see cref="Count"/> becomes <paramref name="count"/>.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        Count = count;
    }

    /// <summary>Empties the batch, keeping its memory.</summary>
    public void Clear() => Count = 0;

    /// <summary>Makes room for at least <paramref name="capacity"/> ticks.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _timestamps.Length)
        {
            Grow(capacity);
        }
    }

    /// <summary>The UTC time of tick <paramref name="index"/>.</summary>
    public DateTime TimeAt(int index) => TickTime.FromMicros(Timestamps[index]);

    private void Grow(int min)
    {
        var size = Math.Max(min, Math.Max(16, _timestamps.Length * 2));
        Array.Resize(ref _timestamps, size);
        Array.Resize(ref _bids, size);
        Array.Resize(ref _asks, size);
        Array.Resize(ref _bidVolumes, size);
        Array.Resize(ref _askVolumes, size);
    }
}
