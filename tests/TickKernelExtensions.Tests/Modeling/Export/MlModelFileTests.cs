using System.Text.Json;
using TickKernelExtensions.Modeling.Export;
using YamlDotNet.RepresentationModel;

namespace TickKernelExtensions.Tests.Modeling.Export;

public sealed class MlModelFileTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void Write_Bundle_ExactTextWithPinnedTime()
    {
        using var temp = new TempDirectory();

        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier, new AnomalyDetector(models.Anomaly, 0.5)), BundleTestModels.Options(temp.Path));

        var expected =
            "artifact_path: model\n" +
            "flavors:\n" +
            "  mlnet:\n" +
            "    anomaly_data: anomaly.zip\n" +
            "    bundle_format: tick-model-bundle/1\n" +
            "    data: model.zip\n" +
            "    loader: TickKernelExtensions.Modeling.Export.ModelBundle\n" +
            "    mlnet_version: 5.0.1\n" +
            $"model_uuid: {info.ContentHash[..32]}\n" +
            "signature:\n" +
            "  inputs: '[{\"type\": \"float\", \"name\": \"log_return_1\", \"required\": true}, {\"type\": \"float\", \"name\": \"log_return_5\", \"required\": true}, " +
            "{\"type\": \"float\", \"name\": \"realized_vol_15\", \"required\": true}, {\"type\": \"float\", \"name\": \"spread_rel\", \"required\": true}]'\n" +
            "  outputs: '[{\"type\": \"float\", \"name\": \"score\", \"required\": true}, {\"type\": \"float\", \"name\": \"probability\", \"required\": true}, " +
            "{\"type\": \"float\", \"name\": \"anomaly_score\", \"required\": true}]'\n" +
            "  params: null\n" +
            "utc_time_created: '2026-12-02 06:30:00.123456'\n";
        Assert.Equal(expected, File.ReadAllText(Path.Combine(info.Folder, "MLmodel")));
    }

    /// <summary>The fields and shapes of the reference's MLflow 3.7.0 MLmodel (§2.1): keys sorted, signature as JSON strings of column specs.</summary>
    [Fact]
    public void Write_Bundle_ParsesAsYamlWithTheReferenceFieldShapes()
    {
        using var temp = new TempDirectory();
        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Path));

        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(info.Folder, "MLmodel")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var keys = root.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
        Assert.Equal(["artifact_path", "flavors", "model_uuid", "signature", "utc_time_created"], keys);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Matches("^[0-9a-f]{32}$", Scalar(root, "model_uuid"));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$", Scalar(root, "utc_time_created"));
        var flavor = (YamlMappingNode)((YamlMappingNode)root["flavors"])["mlnet"];
        Assert.Equal("model.zip", Scalar(flavor, "data"));
        var signature = (YamlMappingNode)root["signature"];
        Assert.Equal("null", Scalar(signature, "params"));
        using var inputs = JsonDocument.Parse(Scalar(signature, "inputs"));
        var first = inputs.RootElement[0];
        Assert.Equal(["type", "name", "required"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(BundleTestModels.Columns, inputs.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(inputs.RootElement.EnumerateArray(), c => Assert.True(c.GetProperty("required").GetBoolean()));
        using var outputs = JsonDocument.Parse(Scalar(signature, "outputs"));
        Assert.Equal(["score", "probability"], outputs.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public void PythonTime_WholeSecond_LeavesOutTheFractionAsPythonStrDoes()
    {
        Assert.Equal("2026-12-02 06:30:00", MlModelFile.PythonTime(new DateTimeOffset(2026, 12, 2, 6, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2026-12-02 05:30:00.000001", MlModelFile.PythonTime(new DateTimeOffset(2026, 12, 2, 6, 30, 0, TimeSpan.FromHours(1)).AddTicks(10)));
    }

    [Fact]
    public void ColumnSpecs_NonAsciiAndQuotes_PythonJsonDumpsEscapes() =>
        Assert.Equal("[{\"type\": \"float\", \"name\": \"r\\u00e9t \\\"1\\\"\", \"required\": true}]", MlModelFile.ColumnSpecs(["rét \"1\""]));

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value!;
}
