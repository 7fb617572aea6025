using Microsoft.Extensions.Time.Testing;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Tests.Modeling.Export;

/// <summary>Tiny deterministic ML.NET models on synthetic rows, and bundle content around them.</summary>
internal static class BundleTestModels
{
    /// <summary>A feature set of four columns: log_return_1, log_return_5, realized_vol_15, spread_rel.</summary>
    public static readonly FeatureSetDefinition FeatureSet = new("test-core", 1,
        [FeatureSpec.LogReturn(1), FeatureSpec.LogReturn(5), FeatureSpec.RealizedVolatility(15), FeatureSpec.RelativeSpread()],
        codeVersion: "test");

    public static readonly string[] Columns = ["log_return_1", "log_return_5", "realized_vol_15", "spread_rel"];

    public static readonly DateTimeOffset Created = new DateTimeOffset(2026, 12, 2, 6, 30, 0, TimeSpan.Zero).AddTicks(1_234_560);

    public sealed class Row
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    /// <summary>400 rows (seeded): the label is the sign of a linear mix of the first two features plus noise.</summary>
    public static List<Row> Rows(int count = 400, int seed = 42)
    {
        var random = new Random(seed);
        var rows = new List<Row>(count);
        for (var i = 0; i < count; i++)
        {
            var x = new float[4];
            for (var j = 0; j < 4; j++)
            {
                x[j] = (float)(random.NextDouble() * 2 - 1);
            }
            rows.Add(new Row { Features = x, Label = x[0] + 0.5f * x[1] + 0.3f * (float)(random.NextDouble() - 0.5) > 0 });
        }
        return rows;
    }

    /// <summary>A FastTree binary classifier (single thread, so two trainings give the same trees).</summary>
    public static ITransformer TrainClassifier()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 20,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 10,
            NumberOfThreads = 1,
        });
        return trainer.Fit(data);
    }

    /// <summary>A LightGBM binary classifier (single thread, fixed seed).</summary>
    public static ITransformer TrainLightGbm()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = 20,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 10,
            NumberOfThreads = 1,
            Seed = 1,
        });
        return trainer.Fit(data);
    }

    /// <summary>A randomised-PCA anomaly model on the same vector.</summary>
    public static ITransformer TrainAnomaly()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows());
        return ml.AnomalyDetection.Trainers.RandomizedPca(featureColumnName: "Features", rank: 2, seed: 1).Fit(data);
    }

    public static ModelBundleContent Content(ITransformer model, AnomalyDetector? anomaly = null) => new()
    {
        Name = "eurusd-direction",
        Version = "1",
        Model = model,
        Signature = new ModelSignature(Columns),
        FeatureSet = FeatureSet,
        Datasets =
        [
            new ModelDatasetVersion("datasets/gold.features", "md5:5ea40360f5b4ec688df672a4db9c17d1.dir"),
            new ModelDatasetVersion("gold.features", "gold.features@5928164749202844321"),
        ],
        Metrics = new Dictionary<string, double> { ["test_auc"] = 0.8125, ["test_logloss"] = 0.41 },
        Thresholds = new DecisionThresholds { BuyAt = 0.6, SellAt = 0.4 },
        Anomaly = anomaly,
    };

    public static ModelBundleOptions Options(string root, DateTimeOffset? now = null) =>
        new() { Root = root, TimeProvider = new FakeTimeProvider(now ?? Created) };

    /// <summary>Rewrites manifest.json for the folder's current files, as a careful forger would.</summary>
    public static void Reseal(string folder)
    {
        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(f => f != ModelBundleLayout.Manifest)
            .Select(f => ModelBundleManifest.Describe(f!, File.ReadAllBytes(Path.Combine(folder, f!)))).ToList();
        File.WriteAllBytes(Path.Combine(folder, ModelBundleLayout.Manifest),
            ModelBundleManifest.Write("eurusd-direction", "1", ModelBundleManifest.ContentHash(files), files));
    }
}
