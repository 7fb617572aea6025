
namespace TickKernelExtensions.Modeling.Splits;

/// <summary>
/// Proves a split free of label leakage: no label window <c>[t0, t1]</c> (closed) of a train, validation or test
/// sample overlaps a window of a sample in another of those parts (purged and embargoed samples are ignored). One
/// sweep in t0 order, O(n log n). Used by the tests and by the trainer before fitting. Thread safe.
/// </summary>
public static class SplitCheck
{
    /// <summary>
    /// One witness per leaking sample: for each sample, in t0 order, an earlier-starting sample of another part whose
    /// window reaches it (the one reaching furthest). Empty when the split is clean.
    /// </summary>
    public static IReadOnlyList<SplitLeak> FindLeaks(ReadOnlySpan<long> t0, ReadOnlySpan<long> t1, SampleSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        ModelingChecks.Windows(t0, t1);
        ModelingChecks.SameLength("split", split.Count, t0.Length);
        ReadOnlySpan<SplitRole> roles = split.Roles;
        var order = SampleOrder.ByStart(t0);
        // Per kept part (Train, Validation, Test): the sample seen so far whose window ends last.
        Span<int> reach = [-1, -1, -1];
        var leaks = new List<SplitLeak>();
        foreach (var i in order)
        {
            var role = roles[i];
            if (role > SplitRole.Test)
            {
                continue;
            }
            for (var r = 0; r < reach.Length; r++)
            {
                var j = reach[r];
                if (r != (int)role && j >= 0 && t1[j] >= t0[i])
                {
                    leaks.Add(new SplitLeak(j, (SplitRole)r, i, role));
                    break;
                }
            }
            if (reach[(int)role] < 0 || t1[i] > t1[reach[(int)role]])
            {
                reach[(int)role] = i;
            }
        }
        return leaks;
    }

    /// <summary>Throws <see cref="ModelingException"/> (Leakage) naming the count and the first witness when the split leaks.</summary>
    public static void EnsureNoLeaks(ReadOnlySpan<long> t0, ReadOnlySpan<long> t1, SampleSplit split)
    {
        var leaks = FindLeaks(t0, t1, split);
        if (leaks.Count == 0)
        {
            return;
        }
        var w = leaks[0];
        throw new ModelingException(ModelingErrorKind.Leakage,
            $"Split leaks: {leaks.Count} sample(s) have a label window overlapping another part's; first: {w.EarlierRole} sample {w.Earlier} " +
            $"[{ModelingChecks.Time(t0[w.Earlier])}, {ModelingChecks.Time(t1[w.Earlier])}] overlaps {w.LaterRole} sample {w.Later} " +
            $"[{ModelingChecks.Time(t0[w.Later])}, {ModelingChecks.Time(t1[w.Later])}].")
        {
            Field = "t1",
            Row = w.Earlier,
            Expected = $"< {ModelingChecks.Time(t0[w.Later])}",
            Actual = ModelingChecks.Time(t1[w.Earlier]),
        };
    }
}
