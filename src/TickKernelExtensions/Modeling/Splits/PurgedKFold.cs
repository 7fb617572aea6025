
namespace TickKernelExtensions.Modeling.Splits;

/// <summary>
/// Purged k-fold cross-validation with an embargo (AFML ch. 7, snippets 7.1–7.3) over label windows <c>[t0, t1]</c>
/// (UTC µs). Samples ordered by t0 (ties by index) are cut into k contiguous folds, the first <c>n mod k</c> one
/// sample larger. For each fold the test window is <c>[first t0, last t1]</c> of its samples; every other sample
/// is a training sample unless its window overlaps the test window (purged) or its t0 falls in
/// <c>(test end, test end + Embargo]</c> (embargoed). Deterministic; thread safe.
/// </summary>
public static class PurgedKFold
{
    /// <summary>The k splits, fold 0 first; roles in input order.</summary>
    /// <exception cref="ModelingException">InvalidOptions; InvalidInput for t1 before t0, mismatched columns, fewer samples than folds.</exception>
    public static IReadOnlyList<SampleSplit> Split(ReadOnlySpan<long> t0, ReadOnlySpan<long> t1, PurgedKFoldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ModelingChecks.Windows(t0, t1);
        var n = t0.Length;
        var k = options.Folds;
        if (n < k)
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, "Fewer samples than folds.")
            {
                Field = "t0",
                Expected = $"at least {k} samples",
                Actual = $"{n} samples",
            };
        }
        var order = SampleOrder.ByStart(t0);
        var embargo = options.Embargo.Ticks / 10;
        var splits = new SampleSplit[k];
        var start = 0;
        for (var f = 0; f < k; f++)
        {
            var size = (n / k) + (f < n % k ? 1 : 0);
            var roles = new SplitRole[n];
            roles.AsSpan().Fill(SplitRole.Train);
            var testStart = t0[order[start]];
            var testEnd = long.MinValue;
            for (var p = start; p < start + size; p++)
            {
                roles[order[p]] = SplitRole.Test;
                testEnd = Math.Max(testEnd, t1[order[p]]);
            }
            for (var i = 0; i < n; i++)
            {
                if (roles[i] == SplitRole.Test)
                {
                    continue;
                }
                if (t0[i] <= testEnd && t1[i] >= testStart)
                {
                    roles[i] = SplitRole.Purged;
                }
                else if (t0[i] > testEnd && t0[i] - testEnd <= embargo)
                {
                    roles[i] = SplitRole.Embargoed;
                }
            }
            splits[f] = new SampleSplit(roles, f);
            start += size;
        }
        return splits;
    }
}
