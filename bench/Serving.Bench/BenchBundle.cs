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
            Model = Serving.Host.Tests.SyntheticClassifier.Train(rows: 5_000, trees: 100, leaves: 16),
            Signature = new ModelSignature(["log_return_1", "log_return_5", "realized_vol_15", "spread_rel"]),
            FeatureSet = featureSet,
            Datasets = [new ModelDatasetVersion("synthetic", "synthetic@1")],
            Metrics = new Dictionary<string, double>(),
            Thresholds = new DecisionThresholds { BuyAt = 0.55, SellAt = 0.45 },
        };
        return ModelBundleWriter.Write(content, new ModelBundleOptions { Root = root }).Folder;
    }
}
