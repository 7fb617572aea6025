using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// Turns one symbol's bronze ticks of one UTC day into silver ticks, chunk by chunk: stable sort by timestamp
/// inside each chunk, drop NaN, infinite and non-positive prices and ticks outside the day, drop or flag crossed
/// quotes, exact duplicates and spikes (robust rolling median / MAD of the mid, see <see cref="TickCleaningOptions"/>),
/// flag wide spreads and the first tick after a gap, and detect gaps. Timestamps stay UTC microseconds.
/// <para>
/// Streaming: every piece of state (filter windows, duplicate set, last timestamp, gap detector, counts) carries
/// across <see cref="CleanChunk"/> calls, so a day cleaned in chunks gives exactly the output of the day cleaned
/// whole, provided no chunk holds a tick earlier than the previous chunk's last tick (true for bronze, which is
/// stored in time order per hour file). Such a late tick is dropped as <see cref="TickDropReason.OutOfOrder"/>.
/// Deterministic; not thread safe: one cleaner per (symbol, day).
/// </para>
/// </summary>
public sealed partial class TickCleaner
{
    private static readonly TickDropReason[] Reasons = Enum.GetValues<TickDropReason>();
    private static readonly TickFlags[] SingleFlags = [.. Enum.GetValues<TickFlags>().Where(f => f != TickFlags.None)];

    private readonly TickCleaningOptions _options;
    private readonly long _dayStart;
    private readonly long _dayEnd;
    private readonly long _staleAfterMicros;
    private readonly SpikeFilter _spikes;
    private readonly RollingMedianWindow _spreads;
    private readonly GapDetector _gaps;
    private readonly HashSet<Quote> _sameTimestamp = [];
    private readonly TradingSessionRule _sessions;
    private long _sessionStart;
    private long _sessionEnd;
    private bool _sessionOpen;
    private readonly long[] _dropped = new long[Reasons.Length];
    private readonly long[] _flagged = new long[SingleFlags.Length];
    private long _input;
    private long _kept;
    private long _flaggedTicks;
    private long _lastTs = long.MinValue;
    private long _firstTs = long.MinValue;
    private double _lastBid = double.NaN;
    private double _lastAsk = double.NaN;
    private long _quoteSince;
    private TickQualityReport? _report;

    private int[] _order = [];
    private long[] _keys = [];
    private bool[] _late = [];

    private TickCleaner(string symbol, DateOnly day, TickCleaningOptions options)
    {
        Symbol = symbol;
        Day = day;
        _options = options;
        _dayStart = TickTime.ToMicros(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        _dayEnd = _dayStart + TickTime.MicrosPerDay;
        _staleAfterMicros = (long)options.StaleAfter.TotalMicroseconds;
        _spikes = new SpikeFilter(options);
        _spreads = new RollingMedianWindow(options.SpikeWindow);
        _gaps = GapDetector.Create(options.Gaps, _dayStart);
        _sessions = options.Gaps.Sessions;
    }

    /// <summary>The symbol being cleaned.</summary>
    public string Symbol { get; }

    /// <summary>The UTC day being cleaned; ticks outside it are dropped.</summary>
    public DateOnly Day { get; }

    /// <summary>
    /// The session rule of the options (<see cref="GapDetectionOptions.Sessions"/>): tag the cleaned ticks with their trading
    /// day through <see cref="TradingSessionRule.TagSessions"/>.
    /// </summary>
    public TradingSessionRule Sessions => _sessions;

    /// <summary>
    /// Starts cleaning one symbol's ticks of one UTC day. Validates <paramref name="options"/> (default
    /// <see cref="TickCleaningOptions.Default"/>) and throws a <see cref="MarketDataException"/> listing every bad field.
    /// </summary>
    public static TickCleaner Create(string symbol, DateOnly day, TickCleaningOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        options ??= TickCleaningOptions.Default;
        options.Validate();
        return new TickCleaner(symbol, day, options);
    }

    /// <summary>
    /// Cleans one chunk: appends the kept ticks, in timestamp order, to <paramref name="output"/> and writes their flags
    /// to <paramref name="flags"/> from index 0 (one per appended tick; it needs room for <c>input.Count</c>).
    /// Returns how many ticks were appended. <paramref name="input"/> is not modified.
    /// </summary>
    public int CleanChunk(TickColumns input, TickColumns output, Span<TickFlags> flags)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (ReferenceEquals(input, output))
        {
            throw new ArgumentException("The output must be another batch than the input.", nameof(output));
        }
        if (flags.Length < input.Count)
        {
            throw new ArgumentException($"{nameof(flags)} holds {flags.Length:N0}, expected at least {input.Count:N0} (the input's count).", nameof(flags));
        }
        if (_report is not null)
        {
            throw new InvalidOperationException($"The cleaner of {Symbol} {Day:yyyy-MM-dd} is complete.");
        }
        var n = input.Count;
        _input += n;
        var order = SortOrder(input.Timestamps);
        var start = output.Append(n);
        var appended = Clean(input, order, output, start, flags);
        output.Truncate(start + appended);
        return appended;
    }

    /// <summary>Ends the day: closes the trailing gap and returns the quality report. Further chunks are refused.</summary>
    public TickQualityReport Complete()
    {
        if (_report is not null)
        {
            return _report;
        }
        var gaps = _gaps.Complete(_dayEnd);
        _report = new TickQualityReport
        {
            Symbol = Symbol,
            Day = Day,
            InputTicks = _input,
            KeptTicks = _kept,
            FlaggedTicks = _flaggedTicks,
            DroppedByReason = Reasons.ToDictionary(r => r, r => _dropped[(int)r]),
            FlaggedByFlag = SingleFlags.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => _flagged[x.i]),
            Gaps = [.. gaps],
            FirstTickMicros = _kept > 0 ? _firstTs : null,
            LastTickMicros = _kept > 0 ? _lastTs : null,
            SpikeReanchors = _spikes.Reanchors,
        };
        return _report;
    }

    /// <summary>
    /// Cleans a whole day held in one batch: a convenience over <see cref="Create"/>, <see cref="CleanChunk"/> and
    /// <see cref="Complete"/>. Returns the cleaned ticks, their flags and the report.
    /// </summary>
    public static (TickColumns Ticks, TickFlags[] Flags, TickQualityReport Report) CleanDay(
        string symbol, DateOnly day, TickColumns input, TickCleaningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cleaner = Create(symbol, day, options);
        var output = new TickColumns(input.Count);
        var flags = new TickFlags[input.Count];
        var kept = cleaner.CleanChunk(input, output, flags);
        return (output, flags[..kept], cleaner.Complete());
    }

    /// <summary>The input indices in stable timestamp order; marks ticks that arrived after a later one.</summary>
    private ReadOnlySpan<int> SortOrder(ReadOnlySpan<long> ts)
    {
        var n = ts.Length;
        if (_order.Length < n)
        {
            _order = new int[n];
            _keys = new long[n];
            _late = new bool[n];
        }
        var sorted = true;
        var max = long.MinValue;
        for (var i = 0; i < n; i++)
        {
            _order[i] = i;
            _keys[i] = ts[i];
            _late[i] = ts[i] < max;
            sorted &= !_late[i];
            max = Math.Max(max, ts[i]);
        }
        if (!sorted)
        {
            var keys = _keys;
            _order.AsSpan(0, n).Sort((a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        }
        return _order.AsSpan(0, n);
    }

    private readonly record struct Quote(double Bid, double Ask, float BidVolume, float AskVolume);
}
