using System.IO.Compression;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Training;

namespace TickKernelExtensions.Tests.Modeling.Training;

public sealed class PatternModelTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(PatternTrainer.LightGbm)]
    [InlineData(PatternTrainer.FastTree)]
    public void Train_TwiceWithSameSeed_SavesIdenticalBytesAndMetrics(PatternTrainer trainer)
    {
        var set = TrainingTestData.PlantedEdge.Set;
        var options = new PatternModelOptions { Trainer = trainer, NumberOfTrees = 30 };

        var first = PatternModel.Train(set, options);
        var second = PatternModel.Train(set, options);
        var a = first.ToBytes();
        var b = second.ToBytes();

        output.WriteLine($"{trainer}: {set.Train.Count} samples, 30 trees, {a.Length} bytes");
        Assert.Equal(a, b);
        Assert.Equal(first.Evaluate(set.Validation), second.Evaluate(set.Validation));
        using var zip = new ZipArchive(new MemoryStream(a));
        Assert.All(zip.Entries, e => Assert.Equal(TickKernelExtensions.Modeling.Export.ModelZip.EntryTime.Year, e.LastWriteTime.Year));
        Assert.Equal(zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void MlNetSave_Raw_StampsEntriesWithTheSaveTime()
    {
        // Why ToBytes rewrites the zip: ML.NET's own save stamps every entry with the time of saving, so two saves
        // of one model differ whenever the (2-second) zip clock ticks between them.
        var set = TrainingTestData.PlantedEdge.Set;
        var model = PatternModel.Train(set, new PatternModelOptions { NumberOfTrees = 5 });
        using var raw = new MemoryStream();
        new Microsoft.ML.MLContext(1).Model.Save(model.Transformer, model.InputSchema, raw);
        raw.Position = 0;

        using var zip = new ZipArchive(raw);

        Assert.All(zip.Entries, e => Assert.True(e.LastWriteTime.Year >= 2020, $"{e.FullName}: {e.LastWriteTime:O}"));
        output.WriteLine($"{zip.Entries.Count} entries, first stamped {zip.Entries[0].LastWriteTime:O}");
    }

    [Fact]
    public void Save_Load_ScoresTheSame()
    {
        var set = TrainingTestData.PlantedEdge.Set;
        var options = new PatternModelOptions { NumberOfTrees = 20 };
        var model = PatternModel.Train(set, options);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = PatternModel.Load(stream, set.FeatureNames, options);

        Assert.Equal(model.PredictProbabilities(set.Validation), loaded.PredictProbabilities(set.Validation));
    }

    [Fact]
    public void Train_DifferentSeedForFastTree_StillValidModel()
    {
        var set = TrainingTestData.PlantedEdge.Set;
        var model = PatternModel.Train(set, new PatternModelOptions { Trainer = PatternTrainer.FastTree, NumberOfTrees = 20, Seed = 5 });

        var metrics = model.Evaluate(set.Validation);

        Assert.InRange(metrics.Auc, 0.55, 1.0);
        Assert.All(model.PredictProbabilities(set.Validation), p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void Options_BadFields_AllReportedAtOnce()
    {
        var e = Assert.Throws<ModelingException>(() => new PatternModelOptions
        {
            Trainer = (PatternTrainer)9,
            NumberOfTrees = 0,
            NumberOfLeaves = 1,
            MinimumExampleCountPerLeaf = 0,
            LearningRate = double.NaN,
        }.Validate());

        Assert.Equal(ModelingErrorKind.InvalidOptions, e.Kind);
        foreach (var field in new[] { "Trainer", "NumberOfTrees", "NumberOfLeaves", "MinimumExampleCountPerLeaf", "LearningRate" })
        {
            Assert.Contains(field, e.Message);
        }
    }

    [Fact]
    public void BinaryMetrics_KnownValues()
    {
        bool[] labels = [false, false, true, true];
        float[] p = [0.1f, 0.6f, 0.6f, 0.9f];

        var m = BinaryMetrics.Compute(labels, p);

        // Pairs (neg, pos): (0.1,0.6) win, (0.1,0.9) win, (0.6,0.6) tie, (0.6,0.9) win → 3.5 / 4.
        Assert.Equal(0.875, m.Auc, 12);
        Assert.Equal(0.75, m.Accuracy, 12);
        Assert.Equal((0.01 + 0.36 + 0.16 + 0.01) / 4, m.Brier, 6);
        Assert.Equal(0.5, m.PositiveRate);
        Assert.Equal(0.75, m.PredictedPositiveRate);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(1 - (double)0.6f) + Math.Log(0.6f) + Math.Log(0.9f)) / 4, m.LogLoss, 6);
        Assert.Equal(3 * Math.Sqrt(5.0 / 48), m.NullAucHalfWidth(), 12);
    }
}
