namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// The running state of one open bar. Adds ticks in arrival order, so the same ticks give the same bits however
/// they were chunked. A mutable struct owned by a builder; not for sharing.
/// </summary>
internal struct BarAccumulator
{
    private double _bidOpen, _bidHigh, _bidLow, _bidClose;
    private double _askOpen, _askHigh, _askLow, _askClose;
    private double _midOpen, _midHigh, _midLow, _midClose;
    private double _spreadSum, _spreadMin, _spreadMax;
    private double _bidVolume, _askVolume;
    private bool _hasBidVolume, _hasAskVolume;

    /// <summary>Ticks added since the last <see cref="Reset"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Time of the first tick added.</summary>
    public long FirstTime { get; private set; }

    /// <summary>Time of the last tick added.</summary>
    public long LastTime { get; private set; }

    public void Reset() => this = default;

    public void Add(long time, double bid, double ask, float bidVolume, float askVolume)
    {
        var mid = (bid + ask) * 0.5;
        var spread = ask - bid;
        if (Count == 0)
        {
            FirstTime = time;
            _bidOpen = _bidHigh = _bidLow = bid;
            _askOpen = _askHigh = _askLow = ask;
            _midOpen = _midHigh = _midLow = mid;
            _spreadMin = _spreadMax = spread;
        }
        else
        {
            _bidHigh = Math.Max(_bidHigh, bid);
            _bidLow = Math.Min(_bidLow, bid);
            _askHigh = Math.Max(_askHigh, ask);
            _askLow = Math.Min(_askLow, ask);
            _midHigh = Math.Max(_midHigh, mid);
            _midLow = Math.Min(_midLow, mid);
            _spreadMin = Math.Min(_spreadMin, spread);
            _spreadMax = Math.Max(_spreadMax, spread);
        }
        _bidClose = bid;
        _askClose = ask;
        _midClose = mid;
        _spreadSum += spread;
        if (!float.IsNaN(bidVolume))
        {
            _bidVolume += bidVolume;
            _hasBidVolume = true;
        }
        if (!float.IsNaN(askVolume))
        {
            _askVolume += askVolume;
            _hasAskVolume = true;
        }
        LastTime = time;
        Count++;
    }

    /// <summary>The bar so far (requires at least one tick).</summary>
    public readonly Bar ToBar(long openTime, long closeTime) => new(
        openTime, closeTime, Count,
        _bidOpen, _bidHigh, _bidLow, _bidClose,
        _askOpen, _askHigh, _askLow, _askClose,
        _midOpen, _midHigh, _midLow, _midClose,
        _spreadSum / Count, _spreadMin, _spreadMax,
        _hasBidVolume ? _bidVolume : double.NaN,
        _hasAskVolume ? _askVolume : double.NaN);
}
