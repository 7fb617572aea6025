using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.WalkForward;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Modeling.Training;

namespace TickKernelExtensions.Tests.Backtesting.WalkForward;

public sealed class WalkForwardTests
{
    private const long Hour = 3_600_000_000L;
    private const long Day = 24 * Hour;

    [Fact]
    public void Create_Rolling_FoldsTileTheTradingTimeAfterTheFirstTrainingWindowAndGap()
    {
        // Data from day 0 to the last microsecond of day 9 (10 days). Train 3 days, gap 1 hour, trade 2 days:
        // trading starts at 3d + 1h and moves by 2 days: 3d1h, 5d1h, 7d1h, 9d1h (< 10d, the end), so 4 folds, the
        // last one cut at 10d (23 hours long). Rolling: each training window is the 3 days before its gap.
        var folds = WalkForwardPlan.Create(0, (10 * Day) - 1, new WalkForwardOptions
        {
            TrainWindow = TimeSpan.FromDays(3), TestWindow = TimeSpan.FromDays(2), Gap = TimeSpan.FromHours(1),
        });

        Assert.Equal(
        [
            new WalkForwardFold(0, 0, 3 * Day, (3 * Day) + Hour, (5 * Day) + Hour),
            new WalkForwardFold(1, 2 * Day, 5 * Day, (5 * Day) + Hour, (7 * Day) + Hour),
            new WalkForwardFold(2, 4 * Day, 7 * Day, (7 * Day) + Hour, (9 * Day) + Hour),
            new WalkForwardFold(3, 6 * Day, 9 * Day, (9 * Day) + Hour, 10 * Day),
        ], folds);
    }

    [Fact]
    public void Create_Anchored_EveryTrainingWindowStartsAtTheDataStartAndGrows()
    {
        var folds = WalkForwardPlan.Create(0, (10 * Day) - 1, new WalkForwardOptions
        {
            TrainWindow = TimeSpan.FromDays(4), TestWindow = TimeSpan.FromDays(3), Anchored = true, MaxFolds = 5,
        });

        // Trading at 4d, 7d (the next, 10d, is the end): training [0, 4d) then [0, 7d).
        Assert.Equal([new WalkForwardFold(0, 0, 4 * Day, 4 * Day, 7 * Day), new WalkForwardFold(1, 0, 7 * Day, 7 * Day, 10 * Day)], folds);
    }

    [Fact]
    public void Create_BadOptionsOrTooLittleData_SayWhat()
    {
        var options = new WalkForwardOptions { TrainWindow = TimeSpan.Zero, TestWindow = TimeSpan.FromHours(-1), Step = TimeSpan.FromMinutes(1), MaxFolds = 0 };
        var bad = Assert.Throws<ArgumentException>(() => WalkForwardPlan.Create(0, Day, options));
        var shortData = Assert.Throws<ArgumentException>(() =>
            WalkForwardPlan.Create(0, Day - 1, new WalkForwardOptions { TrainWindow = TimeSpan.FromDays(1), TestWindow = TimeSpan.FromHours(1), Gap = TimeSpan.FromHours(1) }));

        Assert.Contains("TrainWindow must be positive", bad.Message, StringComparison.Ordinal);
        Assert.Contains("TestWindow must be positive", bad.Message, StringComparison.Ordinal);
        Assert.Contains("MaxFolds must be at least 1, was 0", bad.Message, StringComparison.Ordinal);
        Assert.Contains("1.00:00:00", shortData.Message, StringComparison.Ordinal);
        Assert.Contains("1.01:00:00", shortData.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoFoldsTrainingSeesItsTradingWindow_AndTradingSeesOnlyIt()
    {
        // A simulated week of ticks and one-minute features; each fold's training is handed only its slices and
        // records the latest tick and feature-row time it was given; trading records the ticks it was given.
        var market = TrainingTestData.RandomWalk;
        var first = market.Ticks.Timestamps[0];
        var last = market.Ticks.Timestamps[^1];
        var folds = WalkForwardPlan.Create(first, last, new WalkForwardOptions
        {
            TrainWindow = TimeSpan.FromDays(1), TestWindow = TimeSpan.FromHours(12), Gap = TimeSpan.FromMinutes(15),
        });
        var seenByTraining = new List<(WalkForwardFold Fold, long LastTick, long LastFeatureClose, int Rows)>();
        var seenByTrading = new List<(WalkForwardFold Fold, long FirstTick, long LastTick)>();

        var result = await WalkForwardRunner.RunAsync(folds,
            (fold, _) =>
            {
                var (ticks, features) = WalkForwardSlices.Training(fold, market.Ticks, market.Table);
                seenByTraining.Add((fold, ticks.Timestamps[^1], features.CloseTimes[^1], features.Count));
                return Task.FromResult(fold.Index);
            },
            (fold, model, _) =>
            {
                var ticks = WalkForwardSlices.Trading(fold, market.Ticks);
                seenByTrading.Add((fold, ticks.Timestamps[0], ticks.Timestamps[^1]));
                var equity = new EquityCurve(1000);
                equity.Add(ticks.Timestamps[0], 1000);
                equity.Add(ticks.Timestamps[^1], 1000 + model);
                return Task.FromResult(new FoldOutcome(equity, [], new Dictionary<string, double> { ["model"] = model }));
            }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(folds.Count >= 6, $"{folds.Count} folds");
        Assert.All(seenByTraining, s =>
        {
            Assert.True(s.LastTick < s.Fold.TrainEnd && s.LastFeatureClose < s.Fold.TrainEnd, s.ToString());
            Assert.True(s.Fold.TrainEnd + (15 * 60_000_000L) <= s.Fold.TestStart, s.ToString());
            Assert.True(s.Rows > 1000, s.ToString());
        });
        Assert.All(seenByTrading, s => Assert.True(s.FirstTick >= s.Fold.TestStart && s.LastTick < s.Fold.TestEnd, s.ToString()));
        Assert.Equal(folds.Count, result.Folds.Count);
        Assert.Equal(2 * folds.Count, result.OutOfSampleEquity.Count);
    }

    [Fact]
    public void Stitch_CompoundsEachFoldFromTheEquityThePreviousOneEndedWith()
    {
        // Fold 0: 100 → 110 (+10 %). Fold 1 started its own account at 200 and ended at 180 (−10 %): scaled by
        // 110 / 200 = 0.55 it contributes 110 → 99. The stitched curve: 100, 110, 110, 99 (−1 % overall, as
        // 1.10 × 0.90 = 0.99).
        var a = new EquityCurve(100);
        a.Add(10, 100);
        a.Add(20, 110);
        var b = new EquityCurve(200);
        b.Add(30, 200);
        b.Add(40, 180);

        var stitched = WalkForwardRunner.Stitch([a, b]);

        Assert.Equal([10L, 20, 30, 40], stitched.Times.ToArray());
        Assert.Equal([100.0, 110, 110, 99], stitched.Equity.ToArray().Select(v => Math.Round(v, 10)));
        Assert.Throws<ArgumentException>(() => WalkForwardRunner.Stitch([b, a]));
    }

    [Fact]
    public void Stability_MeanSpreadAndModeShareOfEachParameterAcrossFolds()
    {
        // leaves 8, 8, 16, 8: mean 10, population σ = sqrt((4 + 4 + 36 + 4) / 4) = sqrt(12) = 3.4641, CV 0.34641,
        // mode 8 in 3 of 4 folds. rate 0.05 in every fold: σ 0, CV 0, mode share 1.
        var stability = WalkForwardRunner.Stability(
        [
            new Dictionary<string, double> { ["leaves"] = 8, ["rate"] = 0.05 },
            new Dictionary<string, double> { ["leaves"] = 8, ["rate"] = 0.05 },
            new Dictionary<string, double> { ["leaves"] = 16, ["rate"] = 0.05 },
            new Dictionary<string, double> { ["leaves"] = 8, ["rate"] = 0.05 },
        ]);

        var leaves = stability[0];
        Assert.Equal(("leaves", 10.0, 0.75), (leaves.Name, leaves.Mean, leaves.ModeShare));
        Assert.Equal(Math.Sqrt(12), leaves.StdDev, 12);
        Assert.Equal(Math.Sqrt(12) / 10, leaves.CoefficientOfVariation, 12);
        Assert.Equal(("rate", 0.0, 1.0), (stability[1].Name, stability[1].StdDev, stability[1].ModeShare));
    }

    [Fact]
    public async Task RunAsync_FoldsWhoseTrainingReachesIntoTrading_AreRefused()
    {
        WalkForwardFold[] folds = [new(0, 0, 100, 50, 200)];

        var e = await Assert.ThrowsAsync<ArgumentException>(() => WalkForwardRunner.RunAsync(folds,
            (_, _) => Task.FromResult(0), (_, _, _) => Task.FromResult(new FoldOutcome(new EquityCurve(1), [], new Dictionary<string, double>())),
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("training must end before trading starts", e.Message, StringComparison.Ordinal);
    }
}

public sealed class WalkForwardModelsTests
{
    [Fact]
    public void Train_EachFoldRetrainsOnItsPastOnly_LabelsEndBeforeItsTradingAndTheBundleLoads()
    {
        // The planted-edge week: folds train on two days and trade the next half day. Every label window of every
        // part of a fold's training set (train, validation, its in-window test) ends before the fold's training end,
        // so nothing the model learnt from comes from its trading window.
        var market = TrainingTestData.PlantedEdge;
        var folds = WalkForwardPlan.Create(market.Ticks.Timestamps[0], market.Ticks.Timestamps[^1], new WalkForwardOptions
        {
            TrainWindow = TimeSpan.FromDays(2), TestWindow = TimeSpan.FromHours(12), Gap = TimeSpan.FromMinutes(5), MaxFolds = 2,
        });
        using var root = new TempDirectory();
        var options = new WalkForwardModelOptions
        {
            Root = root.Path,
            FeatureColumns = ["log_return_1", "log_return_5", "log_return_15", "realized_vol_15"],
            Horizon = TrainingTestData.Horizon,
            Search = new() { MaxTrials = 2, Trees = [30], Leaves = [4, 8], MinimumExamplesPerLeaf = [50], LearningRates = [0.1] },
            Anomaly = null,
        };

        foreach (var fold in folds)
        {
            var model = WalkForwardModels.Train(fold, market.Ticks, market.Table, options, TestContext.Current.CancellationToken);
            using var bundle = model.Bundle;

            var lastLabelEnd = new[] { model.Set.Train, model.Set.Validation, model.Set.Test }.Max(p => p.T1.ToArray().Max());
            Assert.True(lastLabelEnd < fold.TrainEnd, $"{fold}: a label ends at {lastLabelEnd}");
            Assert.True(model.Set.Train.T0[0] >= fold.TrainStart, fold.ToString());
            Assert.Equal($"fold-{fold.Index}", bundle.Version);
            Assert.Equal(["log_return_1", "log_return_5", "log_return_15", "realized_vol_15"], bundle.Signature.InputColumns);
            Assert.Equal(model.Search.Best.Options.NumberOfLeaves, model.Parameters["leaves"]);
        }
    }
}
