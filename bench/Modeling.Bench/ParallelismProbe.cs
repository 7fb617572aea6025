namespace Modeling.Bench;

/// <summary>
/// How many cores the machine actually gave us: the same plain arithmetic loop (no memory, no locks, no ML) on 1
/// thread and then on N threads, N times the work; the ratio of the throughputs is the parallelism available at that
/// moment (2.0 on an idle 2-core machine). Run beside the scoring runs to read their multi-thread numbers.
/// </summary>
internal static class ParallelismProbe
{
    private const int Iterations = 20_000_000;

    public static double Scaling(int threads)
    {
        var one = new Samples("probe", 1, Iterations);
        var many = new Samples("probe", threads, (long)Iterations * threads);
        one.Time(() => Spin(1));
        many.Time(() => Spin(threads));
        return many.RowsPerSecond / one.RowsPerSecond;
    }

    private static void Spin(int threads)
    {
        var workers = Enumerable.Range(0, threads).Select(t =>
        {
            var thread = new Thread(() => GC.KeepAlive(XorShift((ulong)t + 1)));
            thread.Start();
            return thread;
        }).ToList();
        foreach (var thread in workers)
        {
            thread.Join();
        }
    }

    private static ulong XorShift(ulong x)
    {
        for (var i = 0; i < Iterations; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
        return x;
    }
}
