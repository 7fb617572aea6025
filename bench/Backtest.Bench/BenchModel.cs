using System.Globalization;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;

namespace Backtest.Bench;

/// <summary>
/// The model in the loop: a LightGBM bundle on the gold-core feature set, trained once through the stage-4 API
/// (<see cref="PatternModel.Train(TrainingSet, PatternModelOptions)"/> with its defaults) on the first
/// <see cref="TrainTicks"/> of a series generated with the same seed, 15-minute fixed-horizon labels, a chronological
/// split with a one-hour embargo. Written as a bundle under <c>&lt;work&gt;/backtest/bundles/</c> and loaded from there
/// on later runs (the folder's name holds the seed and the feature set's content hash, which includes the library's
/// commit, so another seed or another build trains again). Buy at ≥ 0.52, sell at ≤ 0.48:
/// a random walk gives scores near 0.5, and the usual 0.55 / 0.45 would leave the engine almost nothing to trade.
/// </summary>
internal static class BenchModel
{
    public const int TrainTicks = 1_000_000;

    public static readonly DecisionThresholds Thresholds = new() { BuyAt = 0.52, SellAt = 0.48 };

    public static (ModelBundle Bundle, string Source) LoadOrTrain(string work, int seed)
    {
        var root = Path.Combine(work, "backtest", "bundles");
        // The feature set's hash holds the library's code version (with its commit): a bundle from other code is refused, so train again.
        var version = string.Create(CultureInfo.InvariantCulture, $"seed-{seed}-ticks-{TrainTicks}-{FeatureSetDefinition.GoldCore.ContentHash[..12]}");
        var folder = ModelBundle.FolderOf("backtest-bench", version, root);
        if (File.Exists(Path.Combine(folder, "manifest.json")))
        {
            return (ModelBundle.Load(folder), "cached");
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true); // a half-written bundle from an interrupted run
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ticks = TickData.Generate(TrainTicks, seed);
        var table = Features(ticks, FeatureSetDefinition.GoldCore);
        var set = TrainingSetBuilder.FromTicks(table, ticks, new FixedHorizonOptions { Horizon = TimeSpan.FromMinutes(15) },
            new ChronologicalSplitOptions { Embargo = TimeSpan.FromHours(1) });
        var model = PatternModel.Train(set);
        var info = ModelBundleWriter.Write(new ModelBundleContent
        {
            Name = "backtest-bench",
            Version = version,
            Model = model.Transformer,
            Signature = new ModelSignature(set.FeatureNames),
            FeatureSet = FeatureSetDefinition.GoldCore,
            Thresholds = Thresholds,
        }, new ModelBundleOptions { Root = root });
        return (ModelBundle.Load(info.Folder), string.Create(CultureInfo.InvariantCulture, $"trained in {clock.Elapsed.TotalSeconds:0.0} s on {set.Train.Count:N0} rows"));
    }

    /// <summary>One-minute bars of <paramref name="ticks"/> → the feature table of <paramref name="definition"/>.</summary>
    public static FeatureTable Features(TickColumns ticks, FeatureSetDefinition definition)
    {
        var bars = new BarColumns();
        new TimeBarBuilder(new TimeBarOptions()).Add(ticks, bars);
        var calculator = new FeatureSetCalculator(definition);
        var table = calculator.CreateTable(bars.Count);
        calculator.Append(bars, table);
        return table;
    }
}
