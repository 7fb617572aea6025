namespace TickKernelExtensions.Tests.Modeling.Splits;

/// <summary>Hand-made label windows: sample i starts at i × 10 min and ends 15 min later, so each overlaps the next.</summary>
internal static class SplitTestSamples
{
    public const long Minute = 60_000_000;

    public static (long[] T0, long[] T1) Chain(int n)
    {
        var t0 = new long[n];
        var t1 = new long[n];
        for (var i = 0; i < n; i++)
        {
            t0[i] = i * 10 * Minute;
            t1[i] = t0[i] + (15 * Minute);
        }
        return (t0, t1);
    }
}
