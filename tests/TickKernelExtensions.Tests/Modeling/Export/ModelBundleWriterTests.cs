using System.Text;
using TickKernelExtensions.Modeling.Export;

namespace TickKernelExtensions.Tests.Modeling.Export;

public sealed class ModelBundleWriterTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private static readonly string[] AllFiles =
    [
        "MLmodel", "anomaly.zip", "datasets.json", "decision.json", "feature-set.json", "manifest.json", "metrics.json", "model.zip", "signature.json",
    ];

    [Fact]
    public void Write_Content_FolderUnderNameAndVersionWithEveryFile()
    {
        using var temp = new TempDirectory();

        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier, new AnomalyDetector(models.Anomaly, 0.5)), BundleTestModels.Options(temp.Path));

        Assert.Equal(temp.Combine("eurusd-direction", "1"), info.Folder);
        Assert.Equal(AllFiles, Directory.EnumerateFiles(info.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(AllFiles.Where(f => f != "manifest.json"), info.Files.Select(f => f.Path));
        Assert.Equal(64, info.ContentHash.Length);
        Assert.Equal(["1"], Directory.EnumerateFileSystemEntries(temp.Combine("eurusd-direction")).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_FeatureSet_CanonicalJsonByteForByteAndItsSha256InSignature()
    {
        using var temp = new TempDirectory();

        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Path));

        var bytes = File.ReadAllBytes(Path.Combine(info.Folder, "feature-set.json"));
        Assert.Equal(Encoding.UTF8.GetBytes(BundleTestModels.FeatureSet.ToJson()), bytes);
        var signature = File.ReadAllText(Path.Combine(info.Folder, "signature.json"));
        Assert.Contains($"\"sha256\": \"{BundleTestModels.FeatureSet.ContentHash}\"", signature, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Signature_ExactJson()
    {
        using var temp = new TempDirectory();

        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Path));

        var expected = $$"""
            {
              "format": "tick-model-bundle/1",
              "vector_column": "Features",
              "vector_length": 4,
              "inputs": [
                {
                  "name": "log_return_1",
                  "type": "float"
                },
                {
                  "name": "log_return_5",
                  "type": "float"
                },
                {
                  "name": "realized_vol_15",
                  "type": "float"
                },
                {
                  "name": "spread_rel",
                  "type": "float"
                }
              ],
              "outputs": [
                {
                  "name": "score",
                  "type": "float"
                },
                {
                  "name": "probability",
                  "type": "float"
                }
              ],
              "feature_set": {
                "name": "test-core",
                "version": 1,
                "sha256": "{{BundleTestModels.FeatureSet.ContentHash}}"
              }
            }

            """;
        Assert.Equal(expected, File.ReadAllText(Path.Combine(info.Folder, "signature.json")));
        Assert.Equal("{\n  \"buy_at\": 0.6,\n  \"sell_at\": 0.4,\n  \"anomaly_above\": null\n}\n", File.ReadAllText(Path.Combine(info.Folder, "decision.json")));
        Assert.Equal("{\n  \"test_auc\": 0.8125,\n  \"test_logloss\": 0.41\n}\n", File.ReadAllText(Path.Combine(info.Folder, "metrics.json")));
    }

    [Fact]
    public void Write_SameInputsRetrained_EveryFileByteIdentical()
    {
        using var temp = new TempDirectory();
        var first = ModelBundleWriter.Write(BundleTestModels.Content(BundleTestModels.TrainClassifier(), new AnomalyDetector(BundleTestModels.TrainAnomaly(), 0.5)),
            BundleTestModels.Options(temp.Combine("a")));

        var second = ModelBundleWriter.Write(BundleTestModels.Content(BundleTestModels.TrainClassifier(), new AnomalyDetector(BundleTestModels.TrainAnomaly(), 0.5)),
            BundleTestModels.Options(temp.Combine("b")));

        Assert.Equal(first.ContentHash, second.ContentHash);
        foreach (var file in AllFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first.Folder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Folder, file))), file);
        }
    }

    [Fact]
    public void Write_LaterTime_OnlyMlModelDiffersAndIdentityStays()
    {
        using var temp = new TempDirectory();
        var first = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Combine("a")));

        var later = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Combine("b"), BundleTestModels.Created.AddDays(1)));

        Assert.Equal(first.ContentHash, later.ContentHash);
        var differing = first.Files.Zip(later.Files).Where(p => p.First != p.Second).Select(p => p.First.Path);
        Assert.Equal(["MLmodel"], differing);
    }

    [Fact]
    public void Write_ExistingVersion_ThrowsAlreadyExistsAndKeepsTheBundle()
    {
        using var temp = new TempDirectory();
        var first = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Path));
        var before = File.ReadAllBytes(Path.Combine(first.Folder, "manifest.json"));

        var e = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(
            BundleTestModels.Content(models.Classifier) with { Metrics = new Dictionary<string, double> { ["x"] = 1 } },
            BundleTestModels.Options(temp.Path)));

        Assert.Equal(ModelBundleErrorKind.AlreadyExists, e.Kind);
        Assert.Contains(first.Folder, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(first.Folder, "manifest.json")));
    }

    [Fact]
    public void Write_ExceptionMidWrite_LeavesNoBundleAndNoTemporaryFolder()
    {
        using var temp = new TempDirectory();
        var options = BundleTestModels.Options(temp.Path) with
        {
            AfterFile = name => { if (name == "model.zip") { throw new IOException("disk full (simulated)"); } },
        };

        var e = Assert.Throws<IOException>(() => ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), options));

        Assert.Equal("disk full (simulated)", e.Message);
        Assert.False(Directory.Exists(temp.Combine("eurusd-direction", "1")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Combine("eurusd-direction")));
        ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Path));
    }

    [Fact]
    public void Write_InputNotAFeatureSetColumn_ThrowsUnknownFeatureNamingTheColumn()
    {
        using var temp = new TempDirectory();
        var content = BundleTestModels.Content(models.Classifier) with
        {
            Signature = new ModelSignature(["log_return_1", "log_return_5", "order_flow", "spread_rel"]),
        };

        var e = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(content, BundleTestModels.Options(temp.Path)));

        Assert.Equal((ModelBundleErrorKind.UnknownFeature, "order_flow"), (e.Kind, e.Field));
        Assert.False(Directory.Exists(temp.Combine("eurusd-direction")));
    }

    [Fact]
    public void Write_SignatureShorterThanTheModelsVector_ThrowsSignatureMismatch()
    {
        using var temp = new TempDirectory();
        var content = BundleTestModels.Content(models.Classifier) with { Signature = new ModelSignature(["log_return_1", "log_return_5", "spread_rel"]) };

        var e = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(content, BundleTestModels.Options(temp.Path)));

        Assert.Equal(ModelBundleErrorKind.SignatureMismatch, e.Kind);
        Assert.Equal("model.zip", e.File);
    }

    [Fact]
    public void Write_InvalidContent_NamesEveryBadFieldAtOnce()
    {
        using var temp = new TempDirectory();
        var content = BundleTestModels.Content(models.Classifier) with
        {
            Name = "../escape",
            Version = "",
            Signature = new ModelSignature(["log_return_1", "log_return_1"]),
            Metrics = new Dictionary<string, double> { ["sharpe"] = double.NaN },
            Thresholds = new DecisionThresholds { BuyAt = 0.4, SellAt = 0.6 },
        };

        var e = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(content, BundleTestModels.Options(temp.Path)));

        Assert.Equal(ModelBundleErrorKind.InvalidInput, e.Kind);
        foreach (var field in new[] { "Name", "Version", "appears twice", "Metrics['sharpe']", "SellAt (0.6) must be below BuyAt (0.4)" })
        {
            Assert.Contains(field, e.Message, StringComparison.Ordinal);
        }
    }
}
