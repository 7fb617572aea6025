using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Processing.Features;

namespace Serving.Bench;

/// <summary>
/// The served model: a FastTree classifier (100 trees, 16 leaves) on four tick features, trained on synthetic rows with
/// a fixed seed and written once as a real bundle under <c>bench/cache/serving/models</c>; later runs load that copy.
/// </summary>
internal static class BenchBundle
{
    public const string Name = "bench-direction";

    public static string Ensure(string cacheRoot)
    {
        var root = Path.Combine(cacheRoot, "models");
        var folder = ModelBundle.FolderOf(Name, "1", root);
        if (File.Exists(Path.Combine(folder, "manifest.json")))
        {
            return folder;
        }
        var featureSet = new FeatureSetDefinition("bench-core", 1,
            [FeatureSpec.LogReturn(1), FeatureSpec.LogReturn(5), FeatureSpec.RealizedVolatility(15), FeatureSpec.RelativeSpread()], codeVersion: "bench");
        var content = new ModelBundleContent
        {
            Name = Name,
            Version = "1",
            Model = Train(),
            Signature = new ModelSignature(["log_return_1", "log_return_5", "realized_vol_15", "spread_rel"]),
            FeatureSet = featureSet,
            Datasets = [new ModelDatasetVersion("synthetic", "synthetic@1")],
            Metrics = new Dictionary<string, double>(),
            Thresholds = new DecisionThresholds { BuyAt = 0.55, SellAt = 0.45 },
        };
        return ModelBundleWriter.Write(content, new ModelBundleOptions { Root = root }).Folder;
    }

    private sealed class Row
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private static ITransformer Train()
    {
        var random = new Random(42);
        var rows = new List<Row>(5_000);
        for (var i = 0; i < 5_000; i++)
        {
            var x = new float[4];
            for (var j = 0; j < 4; j++)
            {
                x[j] = (float)((random.NextDouble() * 2) - 1);
            }
            rows.Add(new Row { Features = x, Label = x[0] + (0.5f * x[1]) + (0.3f * (float)(random.NextDouble() - 0.5)) > 0 });
        }
        var ml = new MLContext(seed: 1);
        return ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 100, NumberOfLeaves = 16, MinimumExampleCountPerLeaf = 10, NumberOfThreads = 1,
        }).Fit(ml.Data.LoadFromEnumerable(rows));
    }
}
