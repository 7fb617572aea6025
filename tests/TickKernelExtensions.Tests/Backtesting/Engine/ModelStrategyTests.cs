using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Tests.Modeling.Export;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;

namespace TickKernelExtensions.Tests.Backtesting.Engine;

/// <summary>A model bundle in the loop: bars built online, features, score, signal, orders.</summary>
public sealed class ModelStrategyTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private ModelBundle LoadBundle(TempDirectory temp) =>
        ModelBundle.Load(ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Path)).Folder);

    [Fact]
    public void Run_ModelInTheLoop_SignalsEqualTheOfflinePipelineOnTheSameBars()
    {
        using var temp = new TempDirectory();
        using var bundle = LoadBundle(temp);
        var ticks = RandomWalk(20_000, seed: 3);
        var strategy = new ModelStrategy(bundle);

        var result = TickBacktester.Run("EURUSD", ticks, strategy);

        // Offline: all bars at once, the same feature set, every complete bar (the last one never closes online).
        var bars = new BarColumns();
        new TimeBarBuilder(new TimeBarOptions()).Add(ticks, bars);
        var calculator = new FeatureSetCalculator(bundle.FeatureSet);
        var row = new double[calculator.Columns.Count];
        var inputs = new float[bundle.Signature.VectorLength];
        var offline = new List<(SignalAction, double)>();
        for (var k = 0; k < bars.Count; k++)
        {
            calculator.Update(bars[k], row);
            bundle.GatherInputs(row, inputs);
            if (inputs.All(float.IsFinite))
            {
                var s = bundle.ToSignal("EURUSD", DateTime.UnixEpoch, DateTime.UnixEpoch.AddMinutes(1), bundle.Score(inputs));
                offline.Add((s.Action, s.Confidence));
            }
        }
        Assert.Equal(bars.Count, result.Counts.Bars);
        Assert.Equal(bars.Count, strategy.Scored + strategy.WarmUp);
        Assert.Equal(offline, strategy.Signals.Select(s => (s.Action, s.Confidence)));
        // Each signal is stamped with the clock of the tick that closed its bar, and lives one minute.
        var times = ticks.Timestamps.ToArray();
        Assert.All(strategy.Signals, s =>
        {
            Assert.Contains(s.TimeMicros, times);
            Assert.Equal(60_000_000, s.ExpiryMicros - s.TimeMicros);
            Assert.Equal(("eurusd-direction", "1"), (s.ModelName, s.ModelVersion));
        });
        // Entries fill strictly after the signal that caused them.
        var signalTimes = strategy.Signals.Where(s => s.Action != SignalAction.Flat).Select(s => s.TimeMicros).ToList();
        Assert.All(result.Trades, t => Assert.Contains(signalTimes, s => s < t.EntryTime));
    }

    [Fact]
    public void Run_ModelInTheLoopTwice_IdenticalResults()
    {
        using var temp = new TempDirectory();
        using var bundle = LoadBundle(temp);
        var ticks = RandomWalk(10_000, seed: 4);

        var a = TickBacktester.Run("EURUSD", ticks, new ModelStrategy(bundle));
        var b = TickBacktester.Run("EURUSD", ticks, new ModelStrategy(bundle));

        Assert.Equal(a.Trades, b.Trades);
        Assert.Equal(a.Equity.Equity.ToArray(), b.Equity.Equity.ToArray());
    }

    [Fact]
    public void New_BundleTrainedOnAnotherFeatureSet_IsAModelMismatchNamingBoth()
    {
        using var temp = new TempDirectory();
        using var bundle = LoadBundle(temp);

        var e = Assert.Throws<BacktestException>(() => new ModelStrategy(bundle, new ModelStrategyOptions { ExpectedFeatureSet = FeatureSetDefinition.GoldCore }));

        Assert.Equal((BacktestErrorKind.ModelMismatch, "FeatureSet"), (e.Kind, e.Field));
        Assert.Contains("'gold-core' v1", e.Expected, StringComparison.Ordinal);
        Assert.Contains("'test-core' v1", e.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCompatible_SignatureReadingAColumnNotComputed_NamesTheColumn()
    {
        var signature = new ModelSignature(["log_return_1", "order_flow_10"]);

        var e = Assert.Throws<BacktestException>(() => ModelStrategy.CheckCompatible(BundleTestModels.FeatureSet, BundleTestModels.Columns, signature));

        Assert.Equal((BacktestErrorKind.ModelMismatch, "order_flow_10"), (e.Kind, e.Field));
    }

    [Fact]
    public void CheckCompatible_ColumnsComputedDifferentlyHere_NamesTheFirstDifference()
    {
        string[] trained = ["log_return_1", "log_return_5", "realized_vol_20", "spread_rel"];

        var e = Assert.Throws<BacktestException>(() =>
            ModelStrategy.CheckCompatible(BundleTestModels.FeatureSet, trained, new ModelSignature(trained)));

        Assert.Equal((BacktestErrorKind.ModelMismatch, "FeatureSetColumns", "realized_vol_20", "realized_vol_15"), (e.Kind, e.Field, e.Expected, e.Actual));
    }
}
