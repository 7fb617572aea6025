using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Tests.Modeling.Export;

public sealed class ModelBundleTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private static readonly DateTime Time = new(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc);

    private string WriteBundle(TempDirectory temp, bool anomaly = false) =>
        ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier, anomaly ? new AnomalyDetector(models.Anomaly, 0.5) : null),
            BundleTestModels.Options(temp.Path)).Folder;

    [Fact]
    public void Load_WrittenBundle_RoundTripsEveryField()
    {
        using var temp = new TempDirectory();
        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier, new AnomalyDetector(models.Anomaly, 0.5)), BundleTestModels.Options(temp.Path));

        using var bundle = ModelBundle.Load(info.Folder);

        var content = BundleTestModels.Content(models.Classifier);
        Assert.Equal(("eurusd-direction", "1", info.ContentHash), (bundle.Name, bundle.Version, bundle.ContentHash));
        Assert.Equal(content.Signature, bundle.Signature);
        Assert.Equal(["score", "probability", "anomaly_score"], bundle.Outputs);
        Assert.Equal(BundleTestModels.FeatureSet, bundle.FeatureSet);
        Assert.Equal(BundleTestModels.Columns, bundle.FeatureSetColumns);
        Assert.Equal(content.Datasets, bundle.Datasets);
        Assert.Equal(content.Metrics.OrderBy(m => m.Key), bundle.Metrics.OrderBy(m => m.Key));
        Assert.Equal(content.Thresholds, bundle.Thresholds);
        Assert.Equal(0.5, bundle.AnomalyThreshold);
        Assert.Equal(info.Files, bundle.Files);
    }

    [Fact]
    public void Score_EveryTrainingRow_EqualsTheModelsOwnTransform()
    {
        using var temp = new TempDirectory();
        using var bundle = ModelBundle.Load(WriteBundle(temp, anomaly: true));
        var rows = BundleTestModels.Rows(100, seed: 7);
        var ml = new MLContext();
        var data = ml.Data.LoadFromEnumerable(rows);
        var probabilities = models.Classifier.Transform(data).GetColumn<float>("Probability").ToArray();
        var scores = models.Classifier.Transform(data).GetColumn<float>("Score").ToArray();
        var anomalies = models.Anomaly.Transform(data).GetColumn<float>("Score").ToArray();

        for (var i = 0; i < rows.Count; i++)
        {
            var score = bundle.Score(rows[i].Features);
            Assert.Equal((probabilities[i], scores[i], anomalies[i]), (score.Probability, score.Score, score.AnomalyScore));
        }
    }

    [Fact]
    public void Score_LightGbmBundle_EqualsTheModelsOwnTransformAndReExportsByteIdentical()
    {
        using var temp = new TempDirectory();
        var model = BundleTestModels.TrainLightGbm();
        var first = ModelBundleWriter.Write(BundleTestModels.Content(model), BundleTestModels.Options(temp.Combine("a")));
        var second = ModelBundleWriter.Write(BundleTestModels.Content(BundleTestModels.TrainLightGbm()), BundleTestModels.Options(temp.Combine("b")));
        using var bundle = ModelBundle.Load(first.Folder);
        var rows = BundleTestModels.Rows(100, seed: 5);
        var probabilities = model.Transform(new MLContext().Data.LoadFromEnumerable(rows)).GetColumn<float>("Probability").ToArray();

        var scored = rows.Select(r => bundle.Score(r.Features).Probability).ToArray();

        Assert.Equal(probabilities, scored);
        Assert.Equal(first.Files, second.Files);
    }

    [Fact]
    public void Score_ConcurrentCalls_SameResultsAsSequential()
    {
        using var temp = new TempDirectory();
        using var bundle = ModelBundle.Load(WriteBundle(temp));
        var rows = BundleTestModels.Rows(400, seed: 9);
        var sequential = rows.Select(r => bundle.Score(r.Features)).ToArray();
        var concurrent = new ModelScore[rows.Count];

        Parallel.For(0, rows.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i % rows.Count] = bundle.Score(rows[i % rows.Count].Features));

        Assert.Equal(sequential, concurrent);
        Assert.True(float.IsNaN(sequential[0].AnomalyScore));
    }

    [Fact]
    public void Score_RepeatedConcurrentRounds_ReuseTheirEnginesInsteadOfBuildingNewOnes()
    {
        using var temp = new TempDirectory();
        using var bundle = ModelBundle.Load(WriteBundle(temp));
        var rows = BundleTestModels.Rows(200, seed: 9);
        _ = bundle.Score(rows[0].Features);
        Assert.Equal(1, bundle.ScoringEngines);

        for (var round = 0; round < 5; round++)
        {
            Parallel.For(0, rows.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => bundle.Score(rows[i % rows.Count].Features));
        }

        // At most one engine per concurrent caller, however many calls: an engine returned is kept, not discarded.
        Assert.InRange(bundle.ScoringEngines, 1, 8);
    }

    [Fact]
    public void Score_WrongVectorLength_ThrowsNamingExpectedAndActual()
    {
        using var temp = new TempDirectory();
        using var bundle = ModelBundle.Load(WriteBundle(temp));

        var e = Assert.Throws<ModelBundleException>(() => bundle.Score([1f, 2f, 3f]));

        Assert.Equal((ModelBundleErrorKind.InvalidInput, "Features", "4", "3"), (e.Kind, e.Field, e.Expected, e.Actual));
    }

    [Fact]
    public void GatherInputs_WiderFeatureSet_PicksTheSignatureColumnsInOrder()
    {
        using var temp = new TempDirectory();
        var wider = new FeatureSetDefinition("test-wide", 1,
        [
            FeatureSpec.LogReturn(1), FeatureSpec.LogReturn(15), FeatureSpec.LogReturn(5), FeatureSpec.RealizedVolatility(15),
            FeatureSpec.QuoteImbalance(), FeatureSpec.RelativeSpread(),
        ], codeVersion: "test");
        var folder = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier) with { FeatureSet = wider }, BundleTestModels.Options(temp.Path)).Folder;
        using var bundle = ModelBundle.Load(folder);
        var row = new[] { 0.1, 0.15, 0.5, 0.015, -0.2, 0.0001 };
        var inputs = new float[4];

        bundle.GatherInputs(row, inputs);

        Assert.Equal(["log_return_1", "log_return_15", "log_return_5", "realized_vol_15", "quote_imbalance", "spread_rel"], bundle.FeatureSetColumns);
        Assert.Equal([0.1f, 0.5f, 0.015f, 0.0001f], inputs);
    }

    [Theory]
    [InlineData(0.7f, float.NaN, SignalAction.Buy, 0.7, "model")]
    [InlineData(0.6f, float.NaN, SignalAction.Buy, 0.6, "model")]
    [InlineData(0.5f, float.NaN, SignalAction.Flat, 0.5, "model")]
    [InlineData(0.25f, float.NaN, SignalAction.Sell, 0.75, "model")]
    [InlineData(0.9f, 0.75f, SignalAction.Flat, 0.9, "anomaly")]
    [InlineData(0.9f, 0.25f, SignalAction.Buy, 0.9, "model")]
    public void ToSignal_ProbabilityAndAnomaly_ActionConfidenceReasonAndModel(float p, float anomaly, SignalAction action, double confidence, string reason)
    {
        using var temp = new TempDirectory();
        using var bundle = ModelBundle.Load(WriteBundle(temp, anomaly: true));

        var signal = bundle.ToSignal("EURUSD", Time, Time.AddMinutes(5), new ModelScore(p, 0, anomaly));

        Assert.Equal((action, reason, "eurusd-direction", "1", "EURUSD"), (signal.Action, signal.Reason, signal.ModelName, signal.ModelVersion, signal.Symbol));
        Assert.Equal(confidence, signal.Confidence, 6);
        Assert.Equal(float.IsNaN(anomaly), double.IsNaN(signal.AnomalyScore));
    }

    [Fact]
    public void Load_TamperedModel_ThrowsHashMismatchNamingFileExpectedAndActual()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        var path = Path.Combine(folder, "model.zip");
        var bytes = File.ReadAllBytes(path);
        var expected = ModelBundleManifest.Describe("model.zip", bytes).Sha256;
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.HashMismatch, "model.zip"), (e.Kind, e.File));
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
        Assert.Contains(ModelBundleManifest.Describe("model.zip", bytes).Sha256, e.Actual, StringComparison.Ordinal);
        Assert.StartsWith("model.zip: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TamperedMetricsText_ThrowsHashMismatch()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        File.WriteAllText(Path.Combine(folder, "metrics.json"), "{\n  \"test_auc\": 0.99,\n  \"test_logloss\": 0.41\n}\n");

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.HashMismatch, "metrics.json"), (e.Kind, e.File));
    }

    [Fact]
    public void Load_FileNotInManifest_Throws()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        File.WriteAllText(Path.Combine(folder, "extra.bin"), "x");

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.MissingFile, "extra.bin"), (e.Kind, e.File));
    }

    [Fact]
    public void Load_MissingFile_ThrowsMissingFile()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        File.Delete(Path.Combine(folder, "datasets.json"));

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.MissingFile, "datasets.json"), (e.Kind, e.File));
    }

    [Fact]
    public void Load_AnomalyThresholdWithoutAnomalyModel_ThrowsMalformedNamingTheField()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        File.WriteAllText(Path.Combine(folder, "decision.json"), "{\n  \"buy_at\": 0.6,\n  \"sell_at\": 0.4,\n  \"anomaly_above\": 0.5\n}\n");
        BundleTestModels.Reseal(folder);

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.Malformed, "decision.json", "anomaly_above"), (e.Kind, e.File, e.Field));
    }

    [Fact]
    public void Load_NoFolder_ThrowsMissingFile()
    {
        using var temp = new TempDirectory();

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(ModelBundle.FolderOf("eurusd-direction", "9", temp.Path)));

        Assert.Equal(ModelBundleErrorKind.MissingFile, e.Kind);
        Assert.Equal(temp.Combine("eurusd-direction", "9"), e.File);
    }

    [Fact]
    public void Load_SignatureColumnsSwappedAndResealed_ThrowsSignatureMismatchNamingTheColumn()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        WriteSignature(folder, ["log_return_1", "realized_vol_15", "log_return_5", "spread_rel"]);
        BundleTestModels.Reseal(folder);

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.SignatureMismatch, "model.zip", "Features[1]", "'realized_vol_15'", "'log_return_5'"),
            (e.Kind, e.File, e.Field, e.Expected, e.Actual));
    }

    [Fact]
    public void Load_SignatureMissingAColumn_ThrowsSignatureMismatchOnLength()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        WriteSignature(folder, ["log_return_1", "log_return_5", "spread_rel"]);
        BundleTestModels.Reseal(folder);

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.SignatureMismatch, "Features length", "3", "4"), (e.Kind, e.Field, e.Expected, e.Actual));
    }

    [Fact]
    public void Load_UnknownFeatureKind_ThrowsUnknownFeatureNamingTheFeature()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        var unknown = new FeatureSetDefinition("test-core", 1,
            [FeatureSpec.LogReturn(1), FeatureSpec.LogReturn(5), new FeatureSpec("order_flow", [new("window", "15")]), FeatureSpec.RelativeSpread()],
            codeVersion: "test");
        ReplaceFeatureSet(folder, unknown.ToJson());

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.UnknownFeature, "feature-set.json", "features[2] order_flow", "'order_flow'"), (e.Kind, e.File, e.Field, e.Actual));
        Assert.Contains("unknown feature kind 'order_flow'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FeatureSetChangedButSignatureShaNot_ThrowsUnknownFeatureWithBothHashes()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        var changed = new FeatureSetDefinition("test-core", 1,
            [FeatureSpec.LogReturn(1), FeatureSpec.LogReturn(5), FeatureSpec.RealizedVolatility(15), FeatureSpec.RelativeSpread()], codeVersion: "other");
        File.WriteAllText(Path.Combine(folder, "feature-set.json"), changed.ToJson());
        BundleTestModels.Reseal(folder);

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.UnknownFeature, "feature_set.sha256", BundleTestModels.FeatureSet.ContentHash, changed.ContentHash),
            (e.Kind, e.Field, e.Expected, e.Actual));
    }

    [Fact]
    public void Load_FeatureSetJsonNotCanonical_ThrowsUnknownFeature()
    {
        using var temp = new TempDirectory();
        var folder = WriteBundle(temp);
        ReplaceFeatureSet(folder, BundleTestModels.FeatureSet.ToJson().Replace(",", ", ", StringComparison.Ordinal));

        var e = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder));

        Assert.Equal((ModelBundleErrorKind.UnknownFeature, BundleTestModels.FeatureSet.ContentHash), (e.Kind, e.Expected));
    }

    private static void WriteSignature(string folder, string[] columns) =>
        File.WriteAllBytes(Path.Combine(folder, "signature.json"),
            SignatureJson.Write(new ModelSignature(columns), ["score", "probability"], BundleTestModels.FeatureSet, BundleTestModels.FeatureSet.ContentHash));

    /// <summary>Writes new feature set JSON, records its sha256 in signature.json and reseals the manifest.</summary>
    private static void ReplaceFeatureSet(string folder, string json)
    {
        var signature = Path.Combine(folder, "signature.json");
        var sha = ModelBundleManifest.Describe("", Encoding.UTF8.GetBytes(json)).Sha256;
        File.WriteAllText(Path.Combine(folder, "feature-set.json"), json);
        File.WriteAllText(signature, File.ReadAllText(signature).Replace(BundleTestModels.FeatureSet.ContentHash, sha, StringComparison.Ordinal));
        BundleTestModels.Reseal(folder);
    }
}
