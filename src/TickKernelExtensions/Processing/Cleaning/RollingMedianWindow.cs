namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// The last <c>capacity</c> values, kept both in arrival order (a ring) and sorted, so the median is O(1) and
/// the median absolute deviation O(n) by merging the deviations either side of the median; adding a value costs
/// one binary search and one block move. No allocation after construction. Values must not be NaN.
/// </summary>
internal sealed class RollingMedianWindow
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _head;

    public RollingMedianWindow(int capacity)
    {
        _ring = new double[capacity];
        _sorted = new double[capacity];
    }

    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        _head = 0;
    }

    public void Add(double value)
    {
        if (Count == _ring.Length)
        {
            var oldest = _ring[_head];
            var at = Array.BinarySearch(_sorted, 0, Count, oldest);
            Array.Copy(_sorted, at + 1, _sorted, at, Count - at - 1);
            Count--;
        }
        _ring[_head] = value;
        _head = (_head + 1) % _ring.Length;
        var pos = Array.BinarySearch(_sorted, 0, Count, value);
        if (pos < 0)
        {
            pos = ~pos;
        }
        Array.Copy(_sorted, pos, _sorted, pos + 1, Count - pos);
        _sorted[pos] = value;
        Count++;
    }

    public double Median()
    {
        var n = Count;
        return n % 2 == 1 ? _sorted[n / 2] : (_sorted[(n / 2) - 1] + _sorted[n / 2]) / 2;
    }

    /// <summary>Median of |x − median| over the window.</summary>
    public double MedianAbsoluteDeviation(double median)
    {
        var n = Count;
        // Deviations grow leftwards from the last value below the median and rightwards from the first at or above it.
        var right = Array.BinarySearch(_sorted, 0, n, median);
        if (right < 0)
        {
            right = ~right;
        }
        else
        {
            while (right > 0 && _sorted[right - 1] == median)
            {
                right--;
            }
        }
        var left = right - 1;
        var lower = (n - 1) / 2;
        var upper = n / 2;
        double a = 0, b = 0;
        for (var k = 0; k <= upper; k++)
        {
            double next;
            if (left >= 0 && (right >= n || median - _sorted[left] <= _sorted[right] - median))
            {
                next = median - _sorted[left--];
            }
            else
            {
                next = _sorted[right++] - median;
            }
            if (k == lower)
            {
                a = next;
            }
            if (k == upper)
            {
                b = next;
            }
        }
        return (a + b) / 2;
    }
}
