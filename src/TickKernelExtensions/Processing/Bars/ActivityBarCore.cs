using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// The shared kernel of tick, volume and dollar bars: adds each tick's measure to a running total and closes the bar
/// on the tick that brings the total to the threshold or beyond. That tick belongs to the closing bar; the excess
/// is not carried into the next bar (bars never split a tick). Open time = first tick, close time = last tick.
/// </summary>
internal sealed class ActivityBarCore
{
    private readonly ActivityMeasure _measure;
    private readonly double _threshold;
    private readonly VolumeSide _side;
    private BarAccumulator _bar;
    private double _total;
    private long _lastTime = long.MinValue;

    public ActivityBarCore(ActivityMeasure measure, double threshold, VolumeSide side)
    {
        _measure = measure;
        _threshold = threshold;
        _side = side;
    }

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
            _bar.Add(t, bids[i], asks[i], bidVolumes[i], askVolumes[i]);
            _total += _measure switch
            {
                ActivityMeasure.Ticks => 1,
                ActivityMeasure.Volume => Volume(bidVolumes[i], askVolumes[i]),
                _ => (bids[i] + asks[i]) * 0.5 * Volume(bidVolumes[i], askVolumes[i]),
            };
            if (_total >= _threshold)
            {
                Emit(completed);
            }
        }
        return completed.Count - before;
    }

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

    public void Reset()
    {
        _bar.Reset();
        _total = 0;
        _lastTime = long.MinValue;
    }

    private double Volume(float bid, float ask)
    {
        var b = float.IsNaN(bid) ? 0.0 : bid;
        var a = float.IsNaN(ask) ? 0.0 : ask;
        return _side switch
        {
            VolumeSide.Bid => b,
            VolumeSide.Ask => a,
            _ => b + a,
        };
    }

    private void Emit(BarColumns completed)
    {
        completed.Add(_bar.ToBar(_bar.FirstTime, _bar.LastTime));
        _bar.Reset();
        _total = 0;
    }
}
