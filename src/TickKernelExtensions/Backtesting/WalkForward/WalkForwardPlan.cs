namespace TickKernelExtensions.Backtesting.WalkForward;

/// <summary>Cuts a data span into walk-forward folds.</summary>
public static class WalkForwardPlan
{
    /// <summary>
    /// The folds over data from <paramref name="first"/> to <paramref name="last"/> (UTC µs, inclusive). The first
    /// trading window starts one training window plus the gap after the data's start; each next one starts a step
    /// later; the last may be shorter (it ends with the data). Rolling folds train on the <c>TrainWindow</c> before the
    /// gap; anchored folds on everything from the data's start.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options, or data too short for one fold (the message gives both lengths).</exception>
    public static IReadOnlyList<WalkForwardFold> Create(long first, long last, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (last < first)
        {
            throw new ArgumentException($"The data's last time ({last} µs) is before its first ({first} µs).", nameof(last));
        }
        var train = Micros(options.TrainWindow);
        var test = Micros(options.TestWindow);
        var gap = Micros(options.Gap);
        var step = Micros(options.EffectiveStep);
        var end = last + 1;
        var folds = new List<WalkForwardFold>();
        for (var testStart = first + train + gap; testStart < end; testStart += step)
        {
            var trainEnd = testStart - gap;
            folds.Add(new WalkForwardFold(folds.Count, options.Anchored ? first : trainEnd - train, trainEnd, testStart, Math.Min(testStart + test, end)));
            if (options.MaxFolds is { } max && folds.Count == max)
            {
                break;
            }
        }
        if (folds.Count == 0)
        {
            throw new ArgumentException(
                $"The data span ({TimeSpan.FromTicks((end - first) * 10)}) is shorter than one training window plus the gap ({options.TrainWindow + options.Gap}): no fold can trade.",
                nameof(options));
        }
        return folds;
    }

    private static long Micros(TimeSpan span) => span.Ticks / 10;
}
