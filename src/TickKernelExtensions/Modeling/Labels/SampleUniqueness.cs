using System.Globalization;

namespace TickKernelExtensions.Modeling.Labels;

/// <summary>
/// Average uniqueness of overlapping labels (AFML ch. 4, snippets 4.1–4.2). On a time grid (usually the bar close
/// times), a label is active at every grid time in its closed window <c>[t0, t1]</c>; the concurrency c_t counts the
/// labels active at t; a label's average uniqueness is the mean of <c>1 / c_t</c> over its active grid times, in
/// (0, 1]. Use it as the example weight of a trainer. O((n + m) log m) for n labels on m grid times; thread safe.
/// </summary>
public static class SampleUniqueness
{
    /// <summary>
    /// The average uniqueness of each label. <paramref name="grid"/> is strictly increasing (UTC µs); every window
    /// must hold at least one grid time.
    /// </summary>
    /// <exception cref="ModelingException">InvalidInput: mismatched columns, t1 before t0, an unordered grid, a window with no grid time.</exception>
    public static double[] AverageUniqueness(ReadOnlySpan<long> grid, ReadOnlySpan<long> t0, ReadOnlySpan<long> t1)
    {
        ModelingChecks.Windows(t0, t1);
        for (var g = 1; g < grid.Length; g++)
        {
            if (grid[g] <= grid[g - 1])
            {
                throw new ModelingException(ModelingErrorKind.InvalidInput, "The uniqueness grid must be strictly increasing.")
                {
                    Field = "grid",
                    Row = g,
                    Expected = $"> {ModelingChecks.Time(grid[g - 1])}",
                    Actual = ModelingChecks.Time(grid[g]),
                };
            }
        }

        var first = new int[t0.Length];
        var last = new int[t0.Length];
        var delta = new int[grid.Length + 1];
        for (var i = 0; i < t0.Length; i++)
        {
            first[i] = ModelingChecks.QuoteAt(grid, t0[i] - 1) + 1;
            last[i] = ModelingChecks.QuoteAt(grid, t1[i]);
            if (last[i] < first[i])
            {
                throw new ModelingException(ModelingErrorKind.InvalidInput, "A label window holds no grid time, so its uniqueness is undefined.")
                {
                    Field = "t0",
                    Row = i,
                    Expected = "at least one grid time in [t0, t1]",
                    Actual = $"[{ModelingChecks.Time(t0[i])}, {ModelingChecks.Time(t1[i])}]",
                };
            }
            delta[first[i]]++;
            delta[last[i] + 1]--;
        }

        // prefix[g] = Σ_{k<g} 1/c_k over grid times with at least one active label.
        var prefix = new double[grid.Length + 1];
        var concurrency = 0;
        for (var g = 0; g < grid.Length; g++)
        {
            concurrency += delta[g];
            prefix[g + 1] = prefix[g] + (concurrency > 0 ? 1.0 / concurrency : 0.0);
        }

        var uniqueness = new double[t0.Length];
        for (var i = 0; i < t0.Length; i++)
        {
            uniqueness[i] = (prefix[last[i] + 1] - prefix[first[i]]) / (last[i] - first[i] + 1);
        }
        return uniqueness;
    }

    /// <summary>Scales weights so that they average 1 (the scale a trainer's example-weight column expects).</summary>
    public static double[] NormalizeToMeanOne(ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += w;
        }
        if (!(sum > 0) || !double.IsFinite(sum))
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, "Weights must have a positive finite sum.")
            {
                Field = "weights",
                Expected = "a positive finite sum",
                Actual = sum.ToString(CultureInfo.InvariantCulture),
            };
        }
        var mean = sum / weights.Length;
        var result = new double[weights.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = weights[i] / mean;
        }
        return result;
    }
}
