using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

public sealed class RollingMedianWindowTests
{
    [Theory]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(100, 3)]
    public void MedianAndMad_RandomStream_EqualSortingReference(int capacity, int seed)
    {
        var random = new Random(seed);
        var window = new RollingMedianWindow(capacity);
        var recent = new Queue<double>();
        for (var i = 0; i < 2_000; i++)
        {
            // Few distinct values so that ties, the hard case for the merge, are common.
            var value = random.Next(20) * 0.25;
            window.Add(value);
            recent.Enqueue(value);
            if (recent.Count > capacity)
            {
                recent.Dequeue();
            }
            var (median, mad) = Reference([.. recent]);

            Assert.Equal(recent.Count, window.Count);
            Assert.Equal(median, window.Median(), 12);
            Assert.Equal(mad, window.MedianAbsoluteDeviation(window.Median()), 12);
        }
    }

    private static (double Median, double Mad) Reference(double[] values)
    {
        static double MedianOf(double[] v)
        {
            Array.Sort(v);
            var n = v.Length;
            return n % 2 == 1 ? v[n / 2] : (v[(n / 2) - 1] + v[n / 2]) / 2;
        }
        var median = MedianOf([.. values]);
        return (median, MedianOf([.. values.Select(v => Math.Abs(v - median))]));
    }
}
