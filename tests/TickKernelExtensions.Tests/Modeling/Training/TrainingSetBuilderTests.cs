using Microsoft.ML.Data;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Tests.Modeling.Training;

public sealed class TrainingSetBuilderTests
{
    [Fact]
    public void FromTicks_SimulatedWeek_PartsAreChronologicalWeightedAndCounted()
    {
        var market = TrainingTestData.RandomWalk;
        var set = market.Set;

        Assert.Equal(market.Table.ColumnNames, set.FeatureNames);
        Assert.Equal(TrainingTestData.Definition.ContentHash, set.FeatureSetHash);
        // Warm-up: log_return_15 and realized_vol_15 are NaN for the first 15 bars, and those rows are dropped.
        Assert.Equal(15, set.Counts.NaNFeatureRows);
        Assert.Equal(set.Counts.FeatureRows, set.Counts.NaNFeatureRows + set.Counts.BeyondData + set.Counts.Labelled);
        Assert.Equal(set.Counts.Labelled, set.Train.Count + set.Validation.Count + set.Test.Count + set.Counts.Purged + set.Counts.Embargoed);
        Assert.True(set.Train.T0[^1] < set.Validation.T0[0] && set.Validation.T0[^1] < set.Test.T0[0]);
        Assert.True(set.Train.T1.ToArray().Max() < set.Validation.T0[0], "purged: no train window reaches validation");
        foreach (var part in new[] { set.Train, set.Validation, set.Test })
        {
            Assert.All(part.Features.ToArray(), v => Assert.True(float.IsFinite(v)));
            Assert.All(part.Weights.ToArray(), w => Assert.InRange(w, 0.1f, 5f));
            for (var i = 0; i < part.Count; i++)
            {
                Assert.Equal(market.Table.CloseTimes[part.Rows[i]], part.T0[i]);
                Assert.Equal((float)market.Table.Column(1)[part.Rows[i]], part.Row(i)[1]);
            }
        }
    }

    [Fact]
    public void ToDataView_TrainPart_HasFeaturesLabelAndWeightColumns()
    {
        var set = TrainingTestData.RandomWalk.Set;
        var view = set.ToDataView(new Microsoft.ML.MLContext(1), SplitRole.Validation);

        Assert.Equal(set.FeatureNames.Count, ((Microsoft.ML.Data.VectorDataViewType)view.Schema["Features"].Type).Size);
        Assert.Equal(Microsoft.ML.Data.BooleanDataViewType.Instance, view.Schema["Label"].Type);
        Assert.Equal(Microsoft.ML.Data.NumberDataViewType.Single, view.Schema["Weight"].Type);
        Assert.Equal(set.Validation.Labels.ToArray(), view.GetColumn<bool>("Label").ToArray());
    }

    [Fact]
    public void FromTicks_MissingColumn_NamesTheColumnAndTheSet()
    {
        var market = TrainingTestData.RandomWalk;
        var e = Assert.Throws<ModelingException>(() => TrainingSetBuilder.FromTicks(market.Table, market.Ticks, TrainingTestData.Horizon,
            TrainingTestData.Split, new TrainingSetOptions { FeatureColumns = ["log_return_5", "log_return_60"] }));

        Assert.Equal(ModelingErrorKind.InvalidInput, e.Kind);
        Assert.Equal("log_return_60", e.Field);
        Assert.Contains("'training-test' v1", e.Expected);
        Assert.Contains("log_return_15", e.Actual);
    }

    [Fact]
    public void FromTicks_NaNOnlyColumn_IsRejected()
    {
        var market = TrainingTestData.RandomWalk;
        // A 10,000-bar window never fills on 7,000 bars.
        var definition = new FeatureSetDefinition("long", 1, [FeatureSpec.LogReturn(1), FeatureSpec.RealizedVolatility(10_000)], "test");
        var table = TrainingTestData.Features(market.Bars, definition);

        var e = Assert.Throws<ModelingException>(() => TrainingSetBuilder.FromTicks(table, market.Ticks, TrainingTestData.Horizon, TrainingTestData.Split));

        Assert.Equal("realized_vol_10000", e.Field);
        Assert.Equal("at least one finite value", e.Expected);
        Assert.Contains("none finite", e.Actual);
    }

    [Fact]
    public void FromTicks_HorizonLongerThanData_IsOutOfRange()
    {
        var market = TrainingTestData.RandomWalk;

        var e = Assert.Throws<ModelingException>(() => TrainingSetBuilder.FromTicks(market.Table, market.Ticks,
            new FixedHorizonOptions { Horizon = TimeSpan.FromDays(30) }, TrainingTestData.Split));

        Assert.Equal(ModelingErrorKind.OutOfRange, e.Kind);
        Assert.Equal("Horizon", e.Field);
        Assert.Contains("span", e.Expected);
        Assert.Equal("30.00:00:00", e.Actual);
    }

    [Fact]
    public void Build_EmptyPartAfterNaNRows_NamesThePart()
    {
        var market = TrainingTestData.RandomWalk;
        var close = market.Table.CloseTimes;
        // Six events on the first six bars: the test part (the last two) falls in the 15-bar warm-up, all NaN.
        var t0 = close[..6].ToArray();
        var labels = TrainingLabels.Create(t0, t0, [true, false, true, false, true, false]);
        var split = SampleSplit.FromRoles([SplitRole.Train, SplitRole.Train, SplitRole.Validation, SplitRole.Validation, SplitRole.Test, SplitRole.Test]);

        var e = Assert.Throws<ModelingException>(() => TrainingSetBuilder.Build(market.Table, labels, split,
            new TrainingSetOptions { FeatureColumns = ["log_return_15"], UniquenessWeights = false }));

        Assert.Equal("split.Train", e.Field);
        Assert.Contains("0 of 2", e.Actual);
    }

    [Fact]
    public void Build_EventTimeNotABarClose_NamesTheRow()
    {
        var market = TrainingTestData.RandomWalk;
        var close = market.Table.CloseTimes;
        long[] t0 = [close[100], close[200] + 1, close[300]];
        var labels = TrainingLabels.Create(t0, t0, [true, false, true]);
        var split = SampleSplit.FromRoles([SplitRole.Train, SplitRole.Validation, SplitRole.Test]);

        var e = Assert.Throws<ModelingException>(() => TrainingSetBuilder.Build(market.Table, labels, split));

        Assert.Equal("labels.T0", e.Field);
        Assert.Equal(1, e.Row);
    }

    [Fact]
    public void Build_TripleBarrierLabelsOnBarCloses_JoinsThem()
    {
        var market = TrainingTestData.RandomWalk;
        var close = market.Table.CloseTimes;
        var events = new List<long>();
        for (var r = 20; r < market.Table.Count - 40; r += 3)
        {
            events.Add(close[r]);
        }
        var sides = Enumerable.Repeat(TradeSide.Long, events.Count).ToArray();
        var barrier = TripleBarrierLabeler.Label(market.Ticks, events.ToArray(), sides, [],
            new TripleBarrierOptions { Scale = BarrierScale.Price, ProfitTake = 0.0002, StopLoss = 0.0002, MaxHolding = TimeSpan.FromMinutes(10) });
        var labels = TrainingLabels.FromTripleBarrier(barrier);
        var split = ChronologicalSplitter.Split(labels.T0, labels.T1, TrainingTestData.Split);

        var set = TrainingSetBuilder.Build(market.Table, labels, split);

        Assert.Equal(split.CountOf(SplitRole.Train), set.Train.Count);
        Assert.Equal(barrier.Labels.ToArray().Count(l => l > 0), set.Train.Positives + set.Validation.Positives + set.Test.Positives
            + Enumerable.Range(0, labels.Count).Count(i => split.Roles[i] > SplitRole.Test && labels.Labels[i]));
    }

    [Fact]
    public void Options_BadFields_AllReportedAtOnce()
    {
        var e = Assert.Throws<ModelingException>(() => new TrainingSetOptions { FeatureColumns = ["a", "a", " "] }.Validate());

        Assert.Equal(ModelingErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("'a' 2 times", e.Message);
        Assert.Contains("empty name", e.Message);
    }
}
