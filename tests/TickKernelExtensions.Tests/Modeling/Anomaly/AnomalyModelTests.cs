using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Anomaly;
using TickKernelExtensions.Tests.Modeling.Training;

namespace TickKernelExtensions.Tests.Modeling.Anomaly;

public sealed class AnomalyModelTests
{
    [Fact]
    public void Train_SameSeed_SameScoresAndThresholdNearTheQuantile()
    {
        var set = TrainingTestData.RandomWalk.Set;
        var options = new AnomalyModelOptions { UseKMeans = true, ThresholdQuantile = 0.95 };

        var a = AnomalyModel.Train(set.Train, set.FeatureNames, options);
        var b = AnomalyModel.Train(set.Train, set.FeatureNames, options);

        var scores = a.Score(set.Validation);
        Assert.Equal(scores.Pca, b.Score(set.Validation).Pca);
        Assert.Equal(scores.KMeans, b.Score(set.Validation).KMeans);
        var trainScores = a.Score(set.Train);
        var blocked = trainScores.Pca.Count(s => s > a.PcaThreshold) / (double)set.Train.Count;
        Assert.InRange(blocked, 0.0, 0.05);
        Assert.InRange(blocked, 0.04, 0.05);
        Assert.False(double.IsNaN(a.KMeansThreshold));
    }

    [Fact]
    public void Gate_TypicalRowAllowed_ExtremeRowBlockedWithReason()
    {
        var set = TrainingTestData.RandomWalk.Set;
        var model = AnomalyModel.Train(set.Train, set.FeatureNames);
        var gate = model.Gate();
        var typical = new float[set.FeatureNames.Count];
        var extreme = set.Train.Row(0).ToArray();
        extreme[0] = 0.05f;
        extreme[3] = 0.0f;
        var means = Enumerable.Range(0, typical.Length).Select(c => Enumerable.Range(0, set.Train.Count).Average(i => set.Train.Row(i)[c])).ToArray();
        for (var c = 0; c < typical.Length; c++)
        {
            typical[c] = (float)means[c];
        }

        var allowed = gate.Check(typical);
        var blocked = gate.Check(extreme);

        Assert.True(allowed.Allowed, allowed.Reason);
        Assert.Equal("", allowed.Reason);
        Assert.False(blocked.Allowed, $"PCA {blocked.PcaScore} vs {model.PcaThreshold}, k-means {blocked.KMeansDistance} vs {model.KMeansThreshold}");
        Assert.Contains("k-means distance", blocked.Reason);
        Assert.True(blocked.KMeansDistance > model.KMeansThreshold);
    }

    [Fact]
    public void Train_RankNotBelowFeatureCount_IsInvalidOptions()
    {
        var set = TrainingTestData.RandomWalk.Set;

        var e = Assert.Throws<ModelingException>(() => AnomalyModel.Train(set.Train, set.FeatureNames, new AnomalyModelOptions { Rank = set.FeatureNames.Count }));

        Assert.Equal(ModelingErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("Rank", e.Message);
    }
}
