using System.Diagnostics;

namespace Bench.Shared;

/// <summary>Wall and CPU milliseconds of repeated runs of one benchmark row; median and best.</summary>
internal sealed class Samples(string name, int threads, long rows)
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];

    public string Name { get; } = name;

    public int Threads { get; } = threads;

    /// <summary>Rows processed by one run.</summary>
    public long Rows { get; } = rows;

    public double MedianMs => Median(_wall);

    public double BestMs => _wall.Min();

    public double MedianCpuMs => Median(_cpu);

    public double RowsPerSecond => Rows / (MedianMs / 1e3);

    /// <summary>Runs <paramref name="action"/> once; records it unless <paramref name="record"/> is false (warm-up).</summary>
    public void Time(Action action, bool record = true)
    {
        var cpu = Cpu.Milliseconds();
        var start = Stopwatch.GetTimestamp();
        action();
        var wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        cpu = Cpu.Milliseconds() - cpu;
        if (record)
        {
            _wall.Add(wall);
            _cpu.Add(cpu);
        }
    }

    /// <summary>Records one run timed by the caller (an async run).</summary>
    public void Record(double wallMs, double cpuMs)
    {
        _wall.Add(wallMs);
        _cpu.Add(cpuMs);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
