namespace TickKernelExtensions.Modeling.Labels;

/// <summary>
/// The columnar output of <see cref="TripleBarrierLabeler"/>, one row per event in input order. Times are UTC µs.
/// <see cref="T0"/>–<see cref="T1"/> is the label window to store for purging and uniqueness weights.
/// </summary>
public sealed class TripleBarrierLabels
{
    private readonly long[] _t0;
    private readonly long[] _t1;
    private readonly TradeSide[] _sides;
    private readonly sbyte[] _labels;
    private readonly double[] _returns;
    private readonly BarrierKind[] _barriers;
    private readonly double[] _entryPrices;
    private readonly double[] _exitPrices;

    internal TripleBarrierLabels(int count)
    {
        _t0 = new long[count];
        _t1 = new long[count];
        _sides = new TradeSide[count];
        _labels = new sbyte[count];
        _returns = new double[count];
        _barriers = new BarrierKind[count];
        _entryPrices = new double[count];
        _exitPrices = new double[count];
    }

    /// <summary>Number of events.</summary>
    public int Count => _t0.Length;

    /// <summary>Event times (label window starts), UTC µs.</summary>
    public ReadOnlySpan<long> T0 => _t0;

    /// <summary>
    /// Touch times (label window ends), UTC µs: the time of the tick that touched a horizontal barrier, or the
    /// vertical barrier's time (<c>t0 + MaxHolding</c>).
    /// </summary>
    public ReadOnlySpan<long> T1 => _t1;

    /// <summary>The side each event was labelled for.</summary>
    public ReadOnlySpan<TradeSide> Sides => _sides;

    /// <summary>+1 profit take, −1 stop loss, vertical exits per <see cref="TripleBarrierOptions.VerticalLabel"/>.</summary>
    public ReadOnlySpan<sbyte> Labels => _labels;

    /// <summary>The side's realised return, bid/ask correct: long <c>bid₁/ask₀ − 1</c>, short <c>1 − ask₁/bid₀</c>.</summary>
    public ReadOnlySpan<double> Returns => _returns;

    /// <summary>The barrier touched first.</summary>
    public ReadOnlySpan<BarrierKind> Barriers => _barriers;

    /// <summary>Entry prices: the ask (long) or bid (short) in force at t0.</summary>
    public ReadOnlySpan<double> EntryPrices => _entryPrices;

    /// <summary>Exit prices: the bid (long) or ask (short) at t1.</summary>
    public ReadOnlySpan<double> ExitPrices => _exitPrices;

    internal void Set(int i, long t0, long t1, TradeSide side, sbyte label, double ret, BarrierKind barrier, double entry, double exit)
    {
        _t0[i] = t0;
        _t1[i] = t1;
        _sides[i] = side;
        _labels[i] = label;
        _returns[i] = ret;
        _barriers[i] = barrier;
        _entryPrices[i] = entry;
        _exitPrices[i] = exit;
    }
}
