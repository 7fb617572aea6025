using System.Globalization;
using System.Text.Json.Nodes;
using TickKernelExtensions.Processing.Features;

namespace Pipeline.Scripts.Tests.Spark;

/// <summary>
/// The Spark job's feature helpers against the library: FFD weights computed on the driver equal
/// <see cref="FracDiffFeature.Weights"/> bit for bit, and its default feature set is <see cref="FeatureSetDefinition.GoldCore"/>
/// (canonical JSON equal but for <c>code_version</c>).
/// </summary>
public sealed class SparkJobFeatureCrossCheckTests
{
    [Theory]
    [InlineData(0.2, 1e-4)]
    [InlineData(0.4, 1e-4)]
    [InlineData(0.75, 1e-5)]
    [InlineData(1.3, 1e-3)]
    public async Task FfdWeights_JobAndLibrary_AreBitIdentical(double d, double threshold)
    {
        var output = await SparkJobPython.EvalAsync(string.Create(CultureInfo.InvariantCulture,
            $"print(','.join(repr(w) for w in tp.ffd_weights({d:R}, {threshold:R}, 10_000)))"));

        var job = output.Split(',').Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal(FracDiffFeature.Weights(d, threshold, 10_000), job);
    }

    [Fact]
    public async Task DefaultFeatureSet_Job_IsGoldCore()
    {
        var output = await SparkJobPython.EvalAsync("print(tp.canonical_json(tp.GOLD_CORE))");

        var job = JsonNode.Parse(output)!.AsObject();
        var library = JsonNode.Parse(FeatureSetDefinition.GoldCore.ToJson())!.AsObject();
        job["code_version"] = library["code_version"]!.GetValue<string>();

        Assert.Equal(library.ToJsonString(), job.ToJsonString()); // same members, values and order
    }
}
