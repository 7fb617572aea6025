namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// A fixed-capacity ring of the latest values. Statistics are recomputed over the ring on demand (no running sums),
/// so a value depends only on the values in the window: the same last <c>capacity</c> bars give the same bits
/// however long the history before them, which is what lets a serving host reproduce offline values exactly.
/// </summary>
internal sealed class RollingWindow
{
    private readonly double[] _values;
    private int _next;

    public RollingWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
    }

    public int Capacity => _values.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _values.Length;

    /// <summary>The <paramref name="age"/>-th latest value: 0 is the newest.</summary>
    public double this[int age]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)age, (uint)Count, nameof(age));
            var i = _next - 1 - age;
            return _values[i < 0 ? i + _values.Length : i];
        }
    }

    public void Add(double value)
    {
        _values[_next] = value;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        if (Count < _values.Length)
        {
            Count++;
        }
    }

    public void Clear()
    {
        _next = 0;
        Count = 0;
    }

    /// <summary>Mean and population standard deviation of the window, oldest to newest (two passes).</summary>
    public (double Mean, double StdDev) MeanStdDev()
    {
        var sum = 0.0;
        for (var age = Count - 1; age >= 0; age--)
        {
            sum += this[age];
        }
        var mean = sum / Count;
        var squares = 0.0;
        for (var age = Count - 1; age >= 0; age--)
        {
            var d = this[age] - mean;
            squares += d * d;
        }
        return (mean, Math.Sqrt(squares / Count));
    }

    /// <summary>The z-score of the newest value in the window; NaN until full or when the deviation is 0.</summary>
    public double ZScoreOfNewest()
    {
        if (!IsFull)
        {
            return double.NaN;
        }
        var (mean, sd) = MeanStdDev();
        return sd > 0 ? (this[0] - mean) / sd : double.NaN;
    }
}
