using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Modeling.Labels;

/// <summary>A hand-made EURUSD-like quote path shared by the label tests (spread 0.0002 throughout).</summary>
internal static class LabelTestTicks
{
    public const long Second = 1_000_000;

    /// <summary>Base time 2024-01-02T00:00Z.</summary>
    public static readonly long T0 = TickTime.ToMicros(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>
    /// <code>
    /// tick  time   bid     ask
    ///  0     0 s   1.1000  1.1002
    ///  1    10 s   1.1010  1.1012
    ///  2    20 s   1.1020  1.1022
    ///  3    30 s   1.0990  1.0992
    ///  4    40 s   1.0980  1.0982
    ///  5    50 s   1.1005  1.1007
    ///  6    60 s   1.1000  1.1002
    ///  7   120 s   1.1003  1.1005
    /// </code>
    /// </summary>
    public static TickColumns Path()
    {
        var t = new TickColumns();
        Add(t, 0, 1.1000, 1.1002);
        Add(t, 10, 1.1010, 1.1012);
        Add(t, 20, 1.1020, 1.1022);
        Add(t, 30, 1.0990, 1.0992);
        Add(t, 40, 1.0980, 1.0982);
        Add(t, 50, 1.1005, 1.1007);
        Add(t, 60, 1.1000, 1.1002);
        Add(t, 120, 1.1003, 1.1005);
        return t;
    }

    /// <summary>The time <paramref name="seconds"/> after <see cref="T0"/>, in µs.</summary>
    public static long At(double seconds) => T0 + (long)(seconds * Second);

    private static void Add(TickColumns t, int seconds, double bid, double ask) => t.Add(At(seconds), bid, ask, 1f, 1f);
}
