using TickKernelExtensions.Market;

namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>The equity samples behind the period returns (see <see cref="BacktestStatistics"/>'s remarks).</summary>
internal static class EquitySampler
{
    /// <summary>Checks what the statistics need of a curve: at least two points, strictly increasing times, finite values, a positive start.</summary>
    public static void Validate(ReadOnlySpan<long> times, ReadOnlySpan<double> equity)
    {
        if (times.Length < 2)
        {
            throw StatisticsException.Input("The equity curve needs at least two points for returns.", "equity", "at least 2 points", $"{times.Length}");
        }
        for (var i = 0; i < times.Length; i++)
        {
            if (i > 0 && times[i] <= times[i - 1])
            {
                throw StatisticsException.Input("Equity times must be strictly increasing.", "equity.Times",
                    $"after {StatisticsFormat.Time(times[i - 1])}", StatisticsFormat.Time(times[i]), i);
            }
            if (!double.IsFinite(equity[i]))
            {
                throw StatisticsException.Input("Equity must be finite.", "equity.Equity", "a finite amount", StatisticsFormat.Number(equity[i]), i);
            }
        }
        if (!(equity[0] > 0))
        {
            throw StatisticsException.Input("The equity curve must start above zero.", "equity.Equity", "> 0", StatisticsFormat.Number(equity[0]), 0);
        }
    }

    /// <summary>The sampled equities E₀…Eₙ: first point, each grid time strictly inside the span, last point; stops at the first value ≤ 0.</summary>
    public static double[] Sample(ReadOnlySpan<long> times, ReadOnlySpan<double> equity, StatisticsOptions options)
    {
        var samples = new List<double> { equity[0] };
        var first = TickTime.FromMicros(times[0]);
        var grid = first.Date + options.SampleTimeOfDay;
        if (grid <= first)
        {
            grid = grid.AddDays(1);
        }
        var last = times[^1];
        var j = 0;
        for (var t = TickTime.ToMicros(grid); t < last; grid = grid.AddDays(1), t = TickTime.ToMicros(grid))
        {
            if (options.SkipWeekends && grid.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            while (j + 1 < times.Length && times[j + 1] <= t)
            {
                j++;
            }
            samples.Add(equity[j]);
            if (equity[j] <= 0)
            {
                return [.. samples];
            }
        }
        samples.Add(equity[^1]);
        return [.. samples];
    }
}
