namespace TickKernelExtensions.Modeling.Labels;

/// <summary>The columnar output of <see cref="FixedHorizonLabeler"/>, one row per event in input order (UTC µs).</summary>
public sealed class FixedHorizonLabels
{
    private readonly long[] _t0;
    private readonly long[] _t1;
    private readonly sbyte[] _labels;
    private readonly double[] _longReturns;
    private readonly double[] _shortReturns;

    internal FixedHorizonLabels(int count)
    {
        _t0 = new long[count];
        _t1 = new long[count];
        _labels = new sbyte[count];
        _longReturns = new double[count];
        _shortReturns = new double[count];
    }

    /// <summary>Number of events.</summary>
    public int Count => _t0.Length;

    /// <summary>Event times, UTC µs.</summary>
    public ReadOnlySpan<long> T0 => _t0;

    /// <summary>Horizon ends (<c>t0 + Horizon</c>), UTC µs: the label windows' ends.</summary>
    public ReadOnlySpan<long> T1 => _t1;

    /// <summary>+1 when buying paid beyond the dead zone, −1 when selling did, else 0.</summary>
    public ReadOnlySpan<sbyte> Labels => _labels;

    /// <summary>A long's return: the bid at t1 over the ask at t0, minus 1.</summary>
    public ReadOnlySpan<double> LongReturns => _longReturns;

    /// <summary>A short's return: 1 minus the ask at t1 over the bid at t0.</summary>
    public ReadOnlySpan<double> ShortReturns => _shortReturns;

    internal void Set(int i, long t0, long t1, sbyte label, double longReturn, double shortReturn)
    {
        _t0[i] = t0;
        _t1[i] = t1;
        _labels[i] = label;
        _longReturns[i] = longReturn;
        _shortReturns[i] = shortReturn;
    }
}
