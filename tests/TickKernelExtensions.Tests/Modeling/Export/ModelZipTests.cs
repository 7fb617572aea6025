using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using TickKernelExtensions.Modeling.Export;

namespace TickKernelExtensions.Tests.Modeling.Export;

public sealed class ModelZipTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private static readonly ModelSignature Signature = new(BundleTestModels.Columns);

    [Fact]
    public void Save_TwoTrainings_ByteIdenticalWithSortedStoredEntriesAtTheFixedTime()
    {
        var ml = new MLContext(seed: 0);
        var input = ModelZip.InputSchema(Signature);

        var first = ModelZip.Save(ml, BundleTestModels.TrainClassifier(), input);
        var second = ModelZip.Save(ml, BundleTestModels.TrainClassifier(), input);

        Assert.Equal(first, second);
        using var archive = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(archive.Entries, e => Assert.Equal(ModelZip.EntryTime.DateTime, e.LastWriteTime.DateTime));
        Assert.All(archive.Entries, e => Assert.Equal(e.Length, e.CompressedLength));
    }

    [Fact]
    public void Normalise_MlNetZipStampedWithTheSaveTime_KeepsEveryEntrysBytes()
    {
        var ml = new MLContext(seed: 0);
        using var raw = new MemoryStream();
        ml.Model.Save(models.Classifier, ModelZip.InputSchema(Signature), raw);

        var normalised = ModelZip.Normalise(raw.ToArray());

        Assert.Equal(Entries(raw.ToArray()), Entries(normalised));
        using var rawArchive = new ZipArchive(new MemoryStream(raw.ToArray()), ZipArchiveMode.Read);
        Assert.All(rawArchive.Entries, e => Assert.True(e.LastWriteTime.Year >= 2026, "ML.NET stamps entries with the save time"));
    }

    [Fact]
    public void Load_SavedModel_InputSchemaKeepsSlotNamesAndPredictsAsTheOriginal()
    {
        var ml = new MLContext(seed: 0);
        var zip = ModelZip.Save(ml, models.Classifier, ModelZip.InputSchema(Signature));

        var loaded = ModelZip.Load(ml, zip, Signature, "model.zip");

        var data = ml.Data.LoadFromEnumerable(BundleTestModels.Rows(50, seed: 3));
        Assert.Equal(models.Classifier.Transform(data).GetColumn<float>("Probability"), loaded.Transform(data).GetColumn<float>("Probability"));
    }

    [Fact]
    public void Load_OtherVectorColumnName_ThrowsSignatureMismatchNamingTheColumn()
    {
        var ml = new MLContext(seed: 0);
        var zip = ModelZip.Save(ml, models.Classifier, ModelZip.InputSchema(Signature));

        var e = Assert.Throws<ModelBundleException>(() => ModelZip.Load(ml, zip, new ModelSignature(BundleTestModels.Columns, "X"), "model.zip"));

        Assert.Equal((ModelBundleErrorKind.SignatureMismatch, "X"), (e.Kind, e.Field));
        Assert.Contains("Features", e.Actual, StringComparison.Ordinal);
    }

    private static List<(string, string)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return (e.FullName, Convert.ToHexString(copy.ToArray()));
        }).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
    }
}
