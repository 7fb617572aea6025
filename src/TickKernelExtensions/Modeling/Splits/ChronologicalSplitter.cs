
namespace TickKernelExtensions.Modeling.Splits;

/// <summary>
/// A chronological train / validation / test split of labelled samples with label windows <c>[t0, t1]</c> (UTC µs).
/// Samples are ordered by t0 (ties by index); the first <c>⌊n × TrainFraction⌋</c> fix the validation boundary (the
/// t0 of the next sample), the next <c>⌊n × ValidationFraction⌋</c> the test boundary. A sample belongs to the part its
/// t0 falls in, so equal times never straddle a boundary. Then:
/// <list type="bullet">
/// <item>purge: a train (validation) sample whose window reaches the validation (test) boundary, <c>t1 ≥ boundary</c>, is dropped;</item>
/// <item>embargo: a validation (test) sample with <c>t0 &lt; boundary + Embargo</c> is dropped: its features are built on
/// data of the part before (AFML ch. 7's embargo, in the only direction a chronological split has).</item>
/// </list>
/// Deterministic; thread safe.
/// </summary>
public static class ChronologicalSplitter
{
    /// <summary>Splits the samples; roles are returned in input order.</summary>
    /// <exception cref="ModelingException">InvalidOptions; InvalidInput for t1 before t0, mismatched columns, or a part left empty.</exception>
    public static SampleSplit Split(ReadOnlySpan<long> t0, ReadOnlySpan<long> t1, ChronologicalSplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ModelingChecks.Windows(t0, t1);
        var n = t0.Length;
        var order = SampleOrder.ByStart(t0);
        // The tolerance keeps e.g. 10 × 0.7 = 6.9999… from losing a sample to binary rounding.
        var nTrain = (int)Math.Floor((n * options.TrainFraction) + 1e-9);
        var nValidation = (int)Math.Floor((n * options.ValidationFraction) + 1e-9);
        if (nTrain < 1 || nValidation < 1 || nTrain + nValidation >= n)
        {
            throw TooFew(n, "every part needs at least one sample");
        }
        var validationStart = t0[order[nTrain]];
        var testStart = t0[order[nTrain + nValidation]];
        var embargo = options.Embargo.Ticks / 10;

        var roles = new SplitRole[n];
        for (var i = 0; i < n; i++)
        {
            roles[i] = t0[i] < validationStart
                ? (t1[i] >= validationStart ? SplitRole.Purged : SplitRole.Train)
                : t0[i] < testStart
                    ? (t1[i] >= testStart ? SplitRole.Purged : t0[i] < validationStart + embargo ? SplitRole.Embargoed : SplitRole.Validation)
                    : (t0[i] < testStart + embargo ? SplitRole.Embargoed : SplitRole.Test);
        }
        var split = new SampleSplit(roles, -1);
        if (split.CountOf(SplitRole.Train) == 0 || split.CountOf(SplitRole.Validation) == 0 || split.CountOf(SplitRole.Test) == 0)
        {
            throw TooFew(n, $"after ties, purge and embargo a part is empty ({split})");
        }
        return split;
    }

    private static ModelingException TooFew(int n, string why) =>
        new(ModelingErrorKind.InvalidInput, $"Too few samples for a train / validation / test split: {why}.")
        {
            Field = "t0",
            Expected = "non-empty train, validation and test parts",
            Actual = $"{n} samples",
        };
}
