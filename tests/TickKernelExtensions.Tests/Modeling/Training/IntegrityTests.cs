using TickKernelExtensions.Modeling.Training;

namespace TickKernelExtensions.Tests.Modeling.Training;

/// <summary>
/// The done-when: on a pure random walk the test AUC stays inside the noise band of a model without skill,
/// 0.5 ± 3·sqrt((n₊ + n₋ + 1) / (12 n₊ n₋)) (three null standard deviations of the Mann-Whitney AUC, about ±0.047
/// for the ~1,370 test samples here); on the planted-edge market it is clearly above the band.
/// </summary>
public sealed class IntegrityTests(ITestOutputHelper output)
{
    [Fact]
    public void RandomWalk_TestAuc_StaysInsideTheNoiseBand()
    {
        var set = TrainingTestData.RandomWalk.Set;

        var test = new HoldoutTest(set).Evaluate(PatternModel.Train(set)).Metrics;

        var band = test.NullAucHalfWidth();
        output.WriteLine($"random walk: test AUC {test.Auc:F4}, band 0.5 ± {band:F4}, n = {test.Count}");
        Assert.InRange(test.Auc, 0.5 - band, 0.5 + band);
    }

    [Fact]
    public void PlantedEdge_TestAuc_IsClearlyAboveTheNoiseBand()
    {
        var set = TrainingTestData.PlantedEdge.Set;

        var test = new HoldoutTest(set).Evaluate(PatternModel.Train(set)).Metrics;

        var band = test.NullAucHalfWidth();
        output.WriteLine($"planted edge: test AUC {test.Auc:F4}, band 0.5 ± {band:F4}, n = {test.Count}");
        Assert.True(test.Auc > 0.5 + (2 * band), $"AUC {test.Auc} not clearly above 0.5 + {band}");
    }
}
