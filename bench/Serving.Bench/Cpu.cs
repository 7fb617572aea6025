using System.Runtime.InteropServices;

namespace Serving.Bench;

/// <summary>
/// CPU time of the whole process (every thread), from clock_gettime(CLOCK_PROCESS_CPUTIME_ID): on a loaded machine it
/// moves much less than wall time, since time spent waiting for a core is not counted.
/// </summary>
internal static partial class Cpu
{
    private const int ClockProcessCpuTimeId = 2;

    public static double Milliseconds()
    {
        var spec = default(TimeSpec);
        return ClockGetTime(ClockProcessCpuTimeId, ref spec) == 0 ? (spec.Seconds * 1e3) + (spec.Nanoseconds / 1e6) : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, ref TimeSpec spec);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
