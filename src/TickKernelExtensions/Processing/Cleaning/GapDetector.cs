namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// Finds stretches with no ticks longer than <see cref="GapDetectionOptions.MinGap"/> in one instrument's sorted
/// timestamps, streaming (state carries across calls), and classifies each: when the session rule expects the
/// market open for more than the threshold inside the gap it is <see cref="GapKind.Missing"/>, otherwise an
/// <see cref="GapKind.ExpectedClosure"/>. An optional observation window adds the stretches from its start to
/// the first tick and from the last tick to its end, so an empty morning counts too. Not thread safe.
/// </summary>
public sealed class GapDetector
{
    private readonly GapDetectionOptions _options;
    private readonly long _minGapMicros;
    private readonly List<TickGap> _gaps = [];
    private long _last;
    private bool _hasLast;
    private bool _completed;

    private GapDetector(GapDetectionOptions options, long? windowStartMicros)
    {
        _options = options;
        _minGapMicros = (long)options.MinGap.TotalMicroseconds;
        if (windowStartMicros is { } start)
        {
            _last = start;
            _hasLast = true;
        }
    }

    /// <summary>
    /// Starts a detector. With <paramref name="windowStartMicros"/> (UTC microseconds), the time from the window start
    /// to the first tick is checked as well.
    /// </summary>
    public static GapDetector Create(GapDetectionOptions? options = null, long? windowStartMicros = null)
    {
        options ??= GapDetectionOptions.Default;
        options.Validate();
        return new GapDetector(options, windowStartMicros);
    }

    /// <summary>Gaps found so far, in time order.</summary>
    public IReadOnlyList<TickGap> Gaps => _gaps;

    /// <summary>Observes one timestamp (UTC microseconds, non-decreasing); true when it ends a gap.</summary>
    public bool Observe(long utcMicros)
    {
        if (_completed)
        {
            throw new InvalidOperationException($"The {nameof(GapDetector)} is complete.");
        }
        var ended = _hasLast && utcMicros - _last > _minGapMicros && Add(_last, utcMicros);
        if (!_hasLast || utcMicros > _last)
        {
            _last = utcMicros;
            _hasLast = true;
        }
        return ended;
    }

    /// <summary>Observes sorted timestamps (UTC microseconds).</summary>
    public void Observe(ReadOnlySpan<long> utcMicros)
    {
        foreach (var t in utcMicros)
        {
            Observe(t);
        }
    }

    /// <summary>
    /// Ends the stream. With <paramref name="windowEndMicros"/> (exclusive, UTC microseconds), the time from the last
    /// tick (or the window start when there was none) to the window end is checked as well. Returns every gap.
    /// </summary>
    public IReadOnlyList<TickGap> Complete(long? windowEndMicros = null)
    {
        if (!_completed && windowEndMicros is { } end && _hasLast && end - _last > _minGapMicros)
        {
            Add(_last, end);
        }
        _completed = true;
        return _gaps;
    }

    /// <summary>The gaps of one sorted span of timestamps, optionally within a window.</summary>
    public static IReadOnlyList<TickGap> Detect(ReadOnlySpan<long> sortedUtcMicros, GapDetectionOptions? options = null,
        long? windowStartMicros = null, long? windowEndMicros = null)
    {
        var detector = Create(options, windowStartMicros);
        detector.Observe(sortedUtcMicros);
        return detector.Complete(windowEndMicros);
    }

    /// <summary>Classifies one gap by how much of it the session rule expects open.</summary>
    public static TickGap Classify(long startMicros, long endMicros, GapDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var open = options.Sessions.OpenMicrosBetween(startMicros, endMicros);
        var kind = open > (long)options.MinGap.TotalMicroseconds ? GapKind.Missing : GapKind.ExpectedClosure;
        return new TickGap(startMicros, endMicros, kind, open);
    }

    private bool Add(long start, long end)
    {
        _gaps.Add(Classify(start, end, _options));
        return true;
    }
}
