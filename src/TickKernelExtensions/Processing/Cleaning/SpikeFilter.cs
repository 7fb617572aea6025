namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// The causal robust spike test on mids: a mid is a spike when it lies more than k robust standard deviations
/// (1.4826 × MAD, floored at a fraction of the median) from the median of the last accepted mids. Spikes never
/// enter the window. When the last <c>reanchor</c> mids were all spikes on the same side and agree among
/// themselves, the level really moved: the window restarts from them and the last one is accepted, so a genuine
/// level shift is flagged for a few ticks, not forever. Only the first window of the stream warms up unjudged;
/// after a re-anchor the filter judges at once from the agreeing ticks. State carries across chunks.
/// </summary>
internal sealed class SpikeFilter
{
    private const double MadToSigma = 1.4826;
    private readonly RollingMedianWindow _window;
    private readonly double[] _pending;
    private readonly int _minSamples;
    private readonly double _k;
    private readonly double _minRelativeScale;
    private int _pendingCount;
    private int _pendingSide;
    private bool _warm;

    public SpikeFilter(TickCleaningOptions options)
    {
        _window = new RollingMedianWindow(options.SpikeWindow);
        _pending = new double[options.SpikeReanchorAfter];
        _minSamples = options.SpikeMinSamples;
        _k = options.SpikeThreshold;
        _minRelativeScale = options.SpikeMinRelativeScale;
    }

    /// <summary>Times the filter re-anchored on a new level.</summary>
    public long Reanchors { get; private set; }

    /// <summary>Judges one mid and updates the state; true when it is a spike.</summary>
    public bool IsSpike(double mid)
    {
        if (!_warm)
        {
            _window.Add(mid);
            _warm = _window.Count >= _minSamples;
            return false;
        }
        var median = _window.Median();
        var deviation = mid - median;
        var floor = _minRelativeScale * Math.Abs(median);
        // Inside k × floor no MAD can make it a spike: the common case skips the O(window) MAD.
        var limit = Math.Abs(deviation) <= _k * floor ? _k * floor : _k * Math.Max(MadToSigma * _window.MedianAbsoluteDeviation(median), floor);
        if (Math.Abs(deviation) <= limit)
        {
            _window.Add(mid);
            _pendingCount = 0;
            return false;
        }
        var side = Math.Sign(deviation);
        if (side != _pendingSide)
        {
            _pendingCount = 0;
            _pendingSide = side;
        }
        if (_pendingCount == _pending.Length)
        {
            Array.Copy(_pending, 1, _pending, 0, _pending.Length - 1);
            _pendingCount--;
        }
        _pending[_pendingCount++] = mid;
        if (_pendingCount < _pending.Length || !Agree(limit))
        {
            return true;
        }
        _window.Clear();
        for (var i = 0; i < _pendingCount; i++)
        {
            _window.Add(_pending[i]);
        }
        _pendingCount = 0;
        Reanchors++;
        return false;
    }

    /// <summary>The pending outliers sit together (within the spike limit of each other), unlike scattered bad prints.</summary>
    private bool Agree(double limit)
    {
        double min = double.MaxValue, max = double.MinValue;
        for (var i = 0; i < _pendingCount; i++)
        {
            min = Math.Min(min, _pending[i]);
            max = Math.Max(max, _pending[i]);
        }
        return max - min <= limit;
    }
}
