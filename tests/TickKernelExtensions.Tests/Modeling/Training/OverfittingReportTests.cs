using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Training;

namespace TickKernelExtensions.Tests.Modeling.Training;

public sealed class OverfittingReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Create_AfterSearch_StatesTestOnceAndTrialCountAndRendersHtml()
    {
        var set = TrainingTestData.PlantedEdge.Set;
        var search = HyperparameterSearch.Run(set, new HyperparameterSearchOptions
        {
            MaxTrials = 3, Trees = [30], Leaves = [4, 8], MinimumExamplesPerLeaf = [50], LearningRates = [0.05, 0.1],
        }, cancellationToken: TestContext.Current.CancellationToken);
        var holdout = new HoldoutTest(set, new FakeTimeProvider(Now));

        var report = OverfittingReport.Create(set, search.Model, holdout, search);

        Assert.Equal("test split evaluated once, at 2026-12-02T07:30:00Z", report.TestStatement);
        Assert.Equal("3 tuning trials saw the validation split", report.ValidationStatement);
        Assert.Equal(set.Test.Count, report.Test.Count);
        Assert.True(report.Train.Auc > report.Validation.Auc, "in-sample AUC should exceed out-of-sample");
        Assert.Equal(set.FeatureNames.Count, report.Importance.Count);
        Assert.StartsWith("log_return_", report.Importance[0].Feature);
        Assert.Equal(set.Validation.Count, report.ValidationCalibration.Sum(b => b.Count));
        Assert.Equal(set.Test.Count, report.TestCalibration.Sum(b => b.Count));
        var html = report.ToHtml();
        Assert.Contains("test split evaluated once, at 2026-12-02T07:30:00Z", html);
        Assert.Contains("3 tuning trials saw the validation split", html);
        Assert.Contains("<table", html);
        Assert.Contains("Feature importance", report.ToString());
        var page = report.ToHtmlDocument();
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Equal(2, page.Split("Plotly.newPlot(element").Length - 1);
        Assert.Contains("observed positive rate", page);
        Assert.Contains("AUC drop", page);
    }

    [Fact]
    public void HoldoutTest_SecondEvaluation_ThrowsTestReusedNamingTheFirst()
    {
        var set = TrainingTestData.RandomWalk.Set;
        var model = PatternModel.Train(set, new PatternModelOptions { NumberOfTrees = 10 });
        var holdout = new HoldoutTest(set, new FakeTimeProvider(Now));
        holdout.Evaluate(model);

        var again = Assert.Throws<ModelingException>(() => holdout.Evaluate(model));
        var report = Assert.Throws<ModelingException>(() => OverfittingReport.Create(set, model, holdout));

        Assert.Equal(ModelingErrorKind.TestReused, again.Kind);
        Assert.Equal("test", again.Field);
        Assert.Contains("2026-12-02T07:30:00Z", again.Actual);
        Assert.Equal(ModelingErrorKind.TestReused, report.Kind);
        Assert.Equal(Now, holdout.Result!.EvaluatedAt);
    }

    [Fact]
    public void Create_HoldoutOfAnotherSet_IsRejectedBeforeTheTestIsSeen()
    {
        var set = TrainingTestData.RandomWalk.Set;
        var other = new HoldoutTest(TrainingTestData.PlantedEdge.Set);
        var model = PatternModel.Train(set, new PatternModelOptions { NumberOfTrees = 10 });

        var e = Assert.Throws<ModelingException>(() => OverfittingReport.Create(set, model, other));

        Assert.Equal("holdout", e.Field);
        Assert.False(other.IsUsed);
    }

    [Fact]
    public void CalibrationBin_KnownValues()
    {
        var bins = CalibrationBin.Compute([true, false, true, true], [0.05f, 0.15f, 0.95f, 1.0f], 2);

        Assert.Equal(2, bins[0].Count);
        Assert.Equal(0.5, bins[0].ObservedRate);
        Assert.Equal(2, bins[1].Count);
        Assert.Equal(1.0, bins[1].ObservedRate);
        Assert.Equal((0.95 + 1.0) / 2, bins[1].MeanPredicted, 6);
    }
}
