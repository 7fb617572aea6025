using System.Globalization;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Two checks for features that see the future. <see cref="SingleFeatureAuc"/> flags a column whose values alone
/// rank the validation labels implausibly well (market features alone rarely pass AUC 0.65). <see cref="ProbeCausality"/>
/// recomputes the table on the bars truncated at evenly spaced cuts and flags every column whose value in a row
/// known by the cut differs (bit for bit, NaN included) from the full run: a causal feature cannot change when later
/// bars are removed. The probe is the proof; the AUC check catches leaks the probe cannot see (a column joined from
/// elsewhere). Deterministic; thread safe.
/// </summary>
public static class LeakageAudit
{
    /// <summary>Both checks over every feature of <paramref name="set"/>; <paramref name="compute"/> rebuilds its table from bars.</summary>
    public static IReadOnlyList<FeatureLeakFinding> Run(TrainingSet set, BarColumns bars, Func<BarColumns, FeatureTable> compute,
        LeakageAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var auc = SingleFeatureAuc(set, options);
        var causal = ProbeCausality(bars, compute, options);
        return [.. auc.Select(a => causal.FirstOrDefault(c => c.Feature == a.Feature) is { } c
            ? a with { CausalityViolations = c.CausalityViolations, FirstViolation = c.FirstViolation }
            : a)];
    }

    /// <summary>The AUC of each feature column alone on the validation part, flagged when beyond 0.5 ± the allowed edge.</summary>
    public static IReadOnlyList<FeatureLeakFinding> SingleFeatureAuc(TrainingSet set, LeakageAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        options ??= LeakageAuditOptions.Default;
        options.Validate();
        var part = set.Validation;
        var result = new FeatureLeakFinding[part.FeatureCount];
        for (var f = 0; f < result.Length; f++)
        {
            var auc = BinaryMetrics.RankAuc(part.Labels, part.ColumnCopy(f));
            result[f] = new FeatureLeakFinding(set.FeatureNames[f], auc, Math.Abs(auc - 0.5) > options.MaxSingleFeatureEdge, 0, null);
        }
        return result;
    }

    /// <summary>
    /// Recomputes the features on the first <c>k × n / (Cuts + 1)</c> bars for each cut k and compares every row the
    /// truncated run has with the full run. Returns one finding per column of the full table.
    /// </summary>
    public static IReadOnlyList<FeatureLeakFinding> ProbeCausality(BarColumns bars, Func<BarColumns, FeatureTable> compute,
        LeakageAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(compute);
        options ??= LeakageAuditOptions.Default;
        options.Validate();
        var full = compute(bars);
        var violations = new int[full.ColumnNames.Count];
        var first = new string?[violations.Length];
        for (var cut = 1; cut <= options.Cuts; cut++)
        {
            var kept = (int)((long)bars.Count * cut / (options.Cuts + 1));
            var prefix = new BarColumns();
            prefix.AddRange(bars, 0, kept);
            var truncated = compute(prefix);
            for (var c = 0; c < violations.Length; c++)
            {
                var expected = full.Column(c);
                var actual = truncated.Column(full.ColumnNames[c]);
                for (var row = 0; row < Math.Min(actual.Length, expected.Length); row++)
                {
                    if (BitConverter.DoubleToInt64Bits(expected[row]) == BitConverter.DoubleToInt64Bits(actual[row]))
                    {
                        continue;
                    }
                    violations[c]++;
                    first[c] ??= string.Create(CultureInfo.InvariantCulture,
                        $"row {row} (closing {ModelingChecks.Time(full.CloseTimes[row])}) is {expected[row]:R} on all bars but {actual[row]:R} on the first {kept}");
                }
            }
        }
        return [.. full.ColumnNames.Select((name, c) => new FeatureLeakFinding(name, double.NaN, false, violations[c], first[c]))];
    }
}
