using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// Builds time bars of any timeframe from a tick stream (see <see cref="TimeBarOptions"/> for interval alignment
/// and the empty-interval policy). A bar is emitted when the first tick at or after its interval end arrives, or on
/// <see cref="Flush"/>. With <see cref="EmptyBarPolicy.CarryForward"/>, the flat bars between two bars are emitted
/// together with the later one's predecessor, so a long gap with a short timeframe emits many bars at once.
/// Not thread safe; one builder per instrument.
/// </summary>
public sealed class TimeBarBuilder : IBarBuilder
{
    private readonly long _timeframe;
    private readonly EmptyBarPolicy _emptyBars;
    private readonly SessionClock? _session;
    private BarAccumulator _bar;
    private long _start;
    private long _end;
    private long _sessionOpen = long.MaxValue;
    private long _sessionNext = long.MinValue;
    private long _lastTime = long.MinValue;
    private Bar _previous;
    private bool _hasPrevious;

    /// <summary>Creates a builder; the options are validated here.</summary>
    /// <exception cref="MarketDataException">InvalidOptions, naming every bad field.</exception>
    public TimeBarBuilder(TimeBarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _timeframe = options.Timeframe.Ticks / 10;
        _emptyBars = options.EmptyBars;
        _session = options.SessionTimeZone is null ? null : new SessionClock(options.SessionTimeZone, options.SessionOpen);
    }

    /// <summary>The validated options.</summary>
    public TimeBarOptions Options { get; }

    /// <inheritdoc />
    public int Add(TickColumns ticks, BarColumns completed)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(completed);
        var before = completed.Count;
        ReadOnlySpan<long> times = ticks.Timestamps;
        ReadOnlySpan<double> bids = ticks.Bids;
        ReadOnlySpan<double> asks = ticks.Asks;
        ReadOnlySpan<float> bidVolumes = ticks.BidVolumes;
        ReadOnlySpan<float> askVolumes = ticks.AskVolumes;
        for (var i = 0; i < times.Length; i++)
        {
            var t = times[i];
            if (t < _lastTime)
            {
                throw OutOfOrder.At(i, t, _lastTime);
            }
            _lastTime = t;
            if (_bar.Count > 0 && t >= _end)
            {
                Emit(completed);
                if (_emptyBars == EmptyBarPolicy.CarryForward)
                {
                    FillUntil(t, completed);
                }
            }
            if (_bar.Count == 0)
            {
                (_start, _end) = Interval(t);
            }
            _bar.Add(t, bids[i], asks[i], bidVolumes[i], askVolumes[i]);
        }
        return completed.Count - before;
    }

    /// <inheritdoc />
    public int Flush(BarColumns completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        if (_bar.Count == 0)
        {
            return 0;
        }
        Emit(completed);
        return 1;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _bar.Reset();
        _lastTime = long.MinValue;
        _hasPrevious = false;
        _previous = default;
        _sessionOpen = long.MaxValue;
        _sessionNext = long.MinValue;
    }

    /// <summary>The interval <c>[start, end)</c>, UTC µs, that holds <paramref name="micros"/>.</summary>
    public (long Start, long End) Interval(long micros)
    {
        if (_session is null)
        {
            var start = FloorDiv(micros, _timeframe) * _timeframe;
            return (start, start + _timeframe);
        }
        if (micros < _sessionOpen || micros >= _sessionNext)
        {
            (_sessionOpen, _sessionNext) = _session.SessionAt(micros);
        }
        var s = _sessionOpen + ((micros - _sessionOpen) / _timeframe * _timeframe);
        return (s, Math.Min(s + _timeframe, _sessionNext));
    }

    private void Emit(BarColumns completed)
    {
        _previous = _bar.ToBar(_start, _end);
        _hasPrevious = true;
        completed.Add(_previous);
        _bar.Reset();
    }

    private void FillUntil(long micros, BarColumns completed)
    {
        var next = _end;
        var (target, _) = Interval(micros);
        while (_hasPrevious && next < target)
        {
            var (s, e) = Interval(next);
            completed.Add(Bar.Flat(_previous, s, e));
            next = e;
        }
    }

    private static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }
}
