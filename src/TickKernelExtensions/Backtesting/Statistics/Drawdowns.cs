namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>Drawdown of every curve point from its running peak, and the episodes' figures.</summary>
internal static class Drawdowns
{
    /// <summary>(peak − E)/peak at every point (≥ 0), the "underwater" curve.</summary>
    public static double[] Underwater(ReadOnlySpan<double> equity)
    {
        var result = new double[equity.Length];
        var peak = double.NegativeInfinity;
        for (var i = 0; i < equity.Length; i++)
        {
            peak = Math.Max(peak, equity[i]);
            result[i] = peak > 0 ? (peak - equity[i]) / peak : 0;
        }
        return result;
    }

    /// <summary>Max drawdown fraction and amount, the max episode's duration and recovery, and the longest episode.</summary>
    public static (double Fraction, double Amount, TimeSpan Duration, bool Recovered, TimeSpan Longest) Measure(
        ReadOnlySpan<long> times, ReadOnlySpan<double> equity)
    {
        double fraction = 0, amount = 0, peak = equity[0];
        int peakIndex = 0, maxPeakIndex = -1;
        long longest = 0, maxDuration = 0;
        var maxRecovered = true;
        var underwater = false;
        var peakTime = times[0];
        void Close(long end, bool recovered)
        {
            var duration = end - peakTime;
            longest = Math.Max(longest, duration);
            if (peakIndex == maxPeakIndex)
            {
                maxDuration = duration;
                maxRecovered = recovered;
            }
        }
        for (var i = 1; i < equity.Length; i++)
        {
            if (equity[i] >= peak)
            {
                if (underwater)
                {
                    Close(times[i], recovered: true);
                    underwater = false;
                }
                peak = equity[i];
                peakIndex = i;
                peakTime = times[i];
                continue;
            }
            underwater = true;
            var dd = peak - equity[i];
            amount = Math.Max(amount, dd);
            if (dd / peak > fraction)
            {
                fraction = dd / peak;
                maxPeakIndex = peakIndex;
            }
        }
        if (underwater)
        {
            Close(times[^1], recovered: false);
        }
        return (fraction, amount, Micros(maxDuration), maxRecovered, Micros(longest));
    }

    private static TimeSpan Micros(long micros) => TimeSpan.FromTicks(micros * 10);
}
