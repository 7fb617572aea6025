using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Training;

namespace TickKernelExtensions.Tests.Modeling.Training;

public sealed class HyperparameterSearchTests
{
    private static readonly HyperparameterSearchOptions Small = new()
    {
        MaxTrials = 4,
        Trees = [20, 40],
        Leaves = [4, 8],
        MinimumExamplesPerLeaf = [50],
        LearningRates = [0.05, 0.1],
    };

    [Fact]
    public void Run_SameSeed_SameTrialsInTheSameOrderAndBestHasTopValidationAuc()
    {
        var set = TrainingTestData.PlantedEdge.Set;

        var a = HyperparameterSearch.Run(set, Small, cancellationToken: TestContext.Current.CancellationToken);
        var b = HyperparameterSearch.Run(set, Small, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, a.Trials.Count);
        Assert.Equal(8, a.Candidates);
        Assert.Equal("max trials", a.StoppedBy);
        Assert.Equal(a.Trials.Select(t => t.Options), b.Trials.Select(t => t.Options));
        Assert.Equal(a.Trials.Select(t => t.Validation), b.Trials.Select(t => t.Validation));
        Assert.Equal(a.Trials.Max(t => t.Validation.Auc), a.Best.Validation.Auc);
        Assert.Equal(RefitPart.Train, a.RefitOn);
        Assert.Equal(PatternModel.Train(set, a.Best.Options).ToBytes(), a.Model.ToBytes());
        Assert.NotEqual(a.Trials.Select(t => t.Options), HyperparameterSearch.Run(set, Small with { Seed = 2 }, cancellationToken: TestContext.Current.CancellationToken).Trials.Select(t => t.Options));
    }

    [Fact]
    public void Run_TimeBudgetSpentAfterFirstTrial_StopsWithOneTrial()
    {
        var set = TrainingTestData.PlantedEdge.Set;
        var clock = new SteppingClock(TimeSpan.FromMinutes(1));

        var result = HyperparameterSearch.Run(set, Small with { TimeBudget = TimeSpan.FromSeconds(30) }, clock, TestContext.Current.CancellationToken);

        Assert.Single(result.Trials);
        Assert.Equal("time budget", result.StoppedBy);
    }

    [Fact]
    public void Run_RefitOnTrainAndValidation_FitsOnBoth()
    {
        var set = TrainingTestData.PlantedEdge.Set;

        var result = HyperparameterSearch.Run(set, Small with { MaxTrials = 1, RefitOn = RefitPart.TrainAndValidation }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(set.Train.Count + set.Validation.Count, result.Model.TrainedOn);
    }

    [Fact]
    public void Options_BadFields_AllReportedAtOnce()
    {
        var e = Assert.Throws<ModelingException>(() => (Small with { MaxTrials = 0, TimeBudget = TimeSpan.Zero, Trees = [], LearningRates = [2.0] }).Validate());

        Assert.Contains("MaxTrials", e.Message);
        Assert.Contains("TimeBudget", e.Message);
        Assert.Contains("Trees", e.Message);
    }

    /// <summary>A clock that moves a fixed step every time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _now, step.Ticks);
    }
}
