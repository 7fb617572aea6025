using System.Globalization;

namespace Notebook.Bench;

/// <summary>Resident memory from Linux's /proc: VmRSS (now) and VmHWM (peak), in bytes; zeros elsewhere.</summary>
internal static class ProcMemory
{
    public static (long Rss, long Peak) Self() => Of("self");

    public static (long Rss, long Peak) Of(int pid) => Of(pid.ToString(CultureInfo.InvariantCulture));

    private static (long Rss, long Peak) Of(string pid)
    {
        try
        {
            long rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line);
                }
            }
            return (rss, peak);
        }
        catch (IOException)
        {
            return (0, 0);
        }
        catch (UnauthorizedAccessException)
        {
            return (0, 0);
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
