namespace TickKernelExtensions.Backtesting;

/// <summary>
/// An account's equity (balance plus open positions marked to the price they could be closed at) sampled over time,
/// columnar: times in UTC microseconds, strictly increasing, one equity value per time, in account currency. The
/// backtester samples it (at least) at every fill and at the end of each bar or day it is asked for; statistics read it.
/// </summary>
public sealed class EquityCurve
{
    private long[] _times;
    private double[] _equity;

    /// <summary>An empty curve starting from <paramref name="initialEquity"/> (the first point is added by the caller).</summary>
    public EquityCurve(double initialEquity, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialEquity);
        InitialEquity = initialEquity;
        _times = new long[Math.Max(1, capacity)];
        _equity = new double[Math.Max(1, capacity)];
    }

    /// <summary>The account's starting equity.</summary>
    public double InitialEquity { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; private set; }

    /// <summary>Times, UTC µs.</summary>
    public ReadOnlySpan<long> Times => _times.AsSpan(0, Count);

    /// <summary>Equity at each time.</summary>
    public ReadOnlySpan<double> Equity => _equity.AsSpan(0, Count);

    /// <summary>Appends a point; a time equal to the last one replaces its value (the later state wins).</summary>
    /// <exception cref="ArgumentException">The time is before the last point's.</exception>
    public void Add(long time, double equity)
    {
        if (Count > 0)
        {
            var last = _times[Count - 1];
            if (time < last)
            {
                throw new ArgumentException($"Equity point at {time} µs is before the last one at {last} µs.", nameof(time));
            }
            if (time == last)
            {
                _equity[Count - 1] = equity;
                return;
            }
        }
        if (Count == _times.Length)
        {
            Array.Resize(ref _times, Count * 2);
            Array.Resize(ref _equity, Count * 2);
        }
        _times[Count] = time;
        _equity[Count] = equity;
        Count++;
    }
    /// <summary>
    /// The curve as it would have been without trading costs: every point plus the costs (spread, slippage, commission,
    /// swap) of the trades in <paramref name="trades"/> that had closed by then. Exact wherever no position is open;
    /// while one is, its own costs are not added back yet (they are known only when it closes). For "is there an edge
    /// before costs?" — the integrity check of a strategy on a market with none.
    /// </summary>
    public EquityCurve BeforeCosts(IReadOnlyList<BacktestTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var byExit = trades.OrderBy(t => t.ExitTime).ToArray();
        var curve = new EquityCurve(InitialEquity, Math.Max(1, Count));
        var added = 0.0;
        var next = 0;
        for (var i = 0; i < Count; i++)
        {
            while (next < byExit.Length && byExit[next].ExitTime <= _times[i])
            {
                var t = byExit[next++];
                added += t.SpreadCost + t.SlippageCost + t.Commission + t.Swap;
            }
            curve.Add(_times[i], _equity[i] + added);
        }
        return curve;
    }
}
