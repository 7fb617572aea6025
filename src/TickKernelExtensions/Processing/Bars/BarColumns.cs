namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// A growable columnar batch of bars for one instrument, in time order. Times are UTC microseconds since the Unix
/// epoch: <see cref="OpenTimes"/> labels the bar (a time bar's interval start, as Dukascopy labels candles; an
/// activity bar's first tick) and <see cref="CloseTimes"/> is the earliest time the bar is final (a time bar's
/// interval end, exclusive; an activity bar's last tick), so a feature computed on the bar is stamped with it.
/// Prices are in price units; mid is <c>(bid + ask) / 2</c> per tick and spread is <c>ask − bid</c> per tick.
/// Volumes are sums of the ticks' float32 volumes in millions of base units, accumulated in double; NaN when no tick
/// of the bar provided one. Bars with <see cref="TickCounts"/> 0 are carried-forward flat bars
/// (<see cref="EmptyBarPolicy.CarryForward"/>). Not thread safe.
/// </summary>
public sealed class BarColumns
{
    private const int PriceColumnCount = (int)BarField.AskVolume + 1;

    private long[] _openTimes;
    private long[] _closeTimes;
    private int[] _tickCounts;
    private double[][] _values;

    /// <summary>Creates an empty batch with room for <paramref name="capacity"/> bars.</summary>
    public BarColumns(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _openTimes = new long[capacity];
        _closeTimes = new long[capacity];
        _tickCounts = new int[capacity];
        _values = new double[PriceColumnCount][];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = new double[capacity];
        }
    }

    /// <summary>Number of bars in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>Bar label: interval start (time bars) or first tick time (activity bars), UTC µs.</summary>
    public ReadOnlySpan<long> OpenTimes => _openTimes.AsSpan(0, Count);

    /// <summary>When the bar is final: interval end, exclusive (time bars) or last tick time (activity bars), UTC µs.</summary>
    public ReadOnlySpan<long> CloseTimes => _closeTimes.AsSpan(0, Count);

    /// <summary>Ticks in the bar; 0 for a carried-forward flat bar.</summary>
    public ReadOnlySpan<int> TickCounts => _tickCounts.AsSpan(0, Count);

    /// <summary>Bid open.</summary>
    public ReadOnlySpan<double> BidOpen => Column(BarField.BidOpen);

    /// <summary>Bid high.</summary>
    public ReadOnlySpan<double> BidHigh => Column(BarField.BidHigh);

    /// <summary>Bid low.</summary>
    public ReadOnlySpan<double> BidLow => Column(BarField.BidLow);

    /// <summary>Bid close.</summary>
    public ReadOnlySpan<double> BidClose => Column(BarField.BidClose);

    /// <summary>Ask open.</summary>
    public ReadOnlySpan<double> AskOpen => Column(BarField.AskOpen);

    /// <summary>Ask high.</summary>
    public ReadOnlySpan<double> AskHigh => Column(BarField.AskHigh);

    /// <summary>Ask low.</summary>
    public ReadOnlySpan<double> AskLow => Column(BarField.AskLow);

    /// <summary>Ask close.</summary>
    public ReadOnlySpan<double> AskClose => Column(BarField.AskClose);

    /// <summary>Mid open.</summary>
    public ReadOnlySpan<double> MidOpen => Column(BarField.MidOpen);

    /// <summary>Mid high (the highest per-tick mid, not the mean of bid and ask highs).</summary>
    public ReadOnlySpan<double> MidHigh => Column(BarField.MidHigh);

    /// <summary>Mid low (the lowest per-tick mid).</summary>
    public ReadOnlySpan<double> MidLow => Column(BarField.MidLow);

    /// <summary>Mid close.</summary>
    public ReadOnlySpan<double> MidClose => Column(BarField.MidClose);

    /// <summary>Mean of the per-tick spreads (ask − bid), price units; a flat bar holds the carried quote's spread.</summary>
    public ReadOnlySpan<double> SpreadMean => Column(BarField.SpreadMean);

    /// <summary>Smallest per-tick spread.</summary>
    public ReadOnlySpan<double> SpreadMin => Column(BarField.SpreadMin);

    /// <summary>Largest per-tick spread.</summary>
    public ReadOnlySpan<double> SpreadMax => Column(BarField.SpreadMax);

    /// <summary>Sum of bid volumes, millions of base units; NaN when no tick provided one; 0 for a flat bar.</summary>
    public ReadOnlySpan<double> BidVolume => Column(BarField.BidVolume);

    /// <summary>Sum of ask volumes, millions of base units; NaN when no tick provided one; 0 for a flat bar.</summary>
    public ReadOnlySpan<double> AskVolume => Column(BarField.AskVolume);

    /// <summary>One column by field.</summary>
    public ReadOnlySpan<double> Column(BarField field) => _values[(int)field].AsSpan(0, Count);

    /// <summary>Bar <paramref name="index"/> as a value (no allocation): the unit streamed into feature calculators.</summary>
    public Bar this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var v = _values;
            return new Bar(
                _openTimes[index], _closeTimes[index], _tickCounts[index],
                v[0][index], v[1][index], v[2][index], v[3][index],
                v[4][index], v[5][index], v[6][index], v[7][index],
                v[8][index], v[9][index], v[10][index], v[11][index],
                v[12][index], v[13][index], v[14][index], v[15][index], v[16][index]);
        }
    }

    /// <summary>Appends one bar.</summary>
    public void Add(in Bar bar)
    {
        var i = Count;
        if (i == _openTimes.Length)
        {
            Grow(i + 1);
        }
        _openTimes[i] = bar.OpenTime;
        _closeTimes[i] = bar.CloseTime;
        _tickCounts[i] = bar.TickCount;
        var v = _values;
        v[0][i] = bar.BidOpen; v[1][i] = bar.BidHigh; v[2][i] = bar.BidLow; v[3][i] = bar.BidClose;
        v[4][i] = bar.AskOpen; v[5][i] = bar.AskHigh; v[6][i] = bar.AskLow; v[7][i] = bar.AskClose;
        v[8][i] = bar.MidOpen; v[9][i] = bar.MidHigh; v[10][i] = bar.MidLow; v[11][i] = bar.MidClose;
        v[12][i] = bar.SpreadMean; v[13][i] = bar.SpreadMin; v[14][i] = bar.SpreadMax;
        v[15][i] = bar.BidVolume; v[16][i] = bar.AskVolume;
        Count = i + 1;
    }

    /// <summary>Appends bars <c>[start, start + length)</c> of another batch.</summary>
    public void AddRange(BarColumns other, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, other.Count);
        if (Count + length > _openTimes.Length)
        {
            Grow(Count + length);
        }
        other._openTimes.AsSpan(start, length).CopyTo(_openTimes.AsSpan(Count));
        other._closeTimes.AsSpan(start, length).CopyTo(_closeTimes.AsSpan(Count));
        other._tickCounts.AsSpan(start, length).CopyTo(_tickCounts.AsSpan(Count));
        for (var c = 0; c < _values.Length; c++)
        {
            other._values[c].AsSpan(start, length).CopyTo(_values[c].AsSpan(Count));
        }
        Count += length;
    }

    /// <summary>Drops the last bars so that <see cref="Count"/> becomes <paramref name="count"/>.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        Count = count;
    }

    /// <summary>Empties the batch, keeping its memory.</summary>
    public void Clear() => Count = 0;

    private void Grow(int min)
    {
        var size = Math.Max(min, Math.Max(16, _openTimes.Length * 2));
        Array.Resize(ref _openTimes, size);
        Array.Resize(ref _closeTimes, size);
        Array.Resize(ref _tickCounts, size);
        for (var c = 0; c < _values.Length; c++)
        {
            Array.Resize(ref _values[c], size);
        }
    }
}
