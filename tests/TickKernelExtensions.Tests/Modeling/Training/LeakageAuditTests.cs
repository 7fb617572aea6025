using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Tests.Modeling.Training;

/// <summary>
/// A deliberately leaky column, the next bar's log mid return, put beside the honest features: the causality probe
/// and the single-feature AUC check both catch it, and neither flags the honest features.
/// </summary>
public sealed class LeakageAuditTests
{
    private const string Leak = "next_log_return_1";

    [Fact]
    public void Run_NextBarReturnColumn_IsCaughtAndHonestFeaturesPass()
    {
        var market = TrainingTestData.RandomWalk;
        var table = WithLeak(market.Bars);
        var set = TrainingSetBuilder.FromTicks(table, market.Ticks, TrainingTestData.Horizon, TrainingTestData.Split);

        var findings = LeakageAudit.Run(set, market.Bars, WithLeak);

        var leak = Assert.Single(findings, f => f.Feature == Leak);
        Assert.True(leak.CausalityViolations > 0, "the probe sees the last known row change");
        Assert.Contains("on the first", leak.FirstViolation);
        Assert.True(leak.ImplausiblyPredictive, $"AUC {leak.ValidationAuc}");
        Assert.All(findings.Where(f => f.Feature != Leak), f => Assert.False(f.Suspect, $"{f.Feature}: {f}"));
    }

    [Fact]
    public void ProbeCausality_HonestFeatureSet_FindsNothing()
    {
        var market = TrainingTestData.PlantedEdge;

        var findings = LeakageAudit.ProbeCausality(market.Bars, bars => TrainingTestData.Features(bars, TrainingTestData.Definition));

        Assert.All(findings, f => Assert.Equal(0, f.CausalityViolations));
    }

    [Fact]
    public void Train_WithLeak_TestAucFarAboveTheNoiseBand()
    {
        var market = TrainingTestData.RandomWalk;
        var set = TrainingSetBuilder.FromTicks(WithLeak(market.Bars), market.Ticks, TrainingTestData.Horizon, TrainingTestData.Split);

        var test = new HoldoutTest(set).Evaluate(PatternModel.Train(set));

        // What the audit prevents: a "model" that looks brilliant on a market with nothing to find.
        Assert.True(test.Metrics.Auc > 0.5 + test.Metrics.NullAucHalfWidth(), $"AUC {test.Metrics.Auc}");
    }

    /// <summary>The honest features plus the next bar's log mid return (NaN on the last bar): a one-bar peek ahead.</summary>
    private static FeatureTable WithLeak(BarColumns bars)
    {
        var honest = TrainingTestData.Features(bars, TrainingTestData.Definition);
        var table = new FeatureTable(honest.Definition, [.. honest.ColumnNames, Leak], honest.Count);
        var row = new double[honest.ColumnNames.Count + 1];
        for (var r = 0; r < honest.Count; r++)
        {
            for (var c = 0; c < honest.ColumnNames.Count; c++)
            {
                row[c] = honest.Column(c)[r];
            }
            row[^1] = r + 1 < bars.Count ? Math.Log(bars[r + 1].MidClose / bars[r].MidClose) : double.NaN;
            table.AddRow(honest.OpenTimes[r], honest.CloseTimes[r], row);
        }
        return table;
    }
}
