using System.Diagnostics;
using Microsoft.ML;
using TickKernelExtensions.Modeling.Export;

namespace Modeling.Bench;

/// <summary>
/// One-row latency on one thread: each call of ours (<see cref="ModelBundle.Score"/>) and of the anchor (a
/// <see cref="PredictionEngine{TSrc,TDst}"/> made directly from the bundle's transformer) is timed on its own with
/// <see cref="Stopwatch.GetTimestamp"/>, alternating call by call so both see the same machine. Warm-up calls first.
/// </summary>
internal static class LatencyBenchmark
{
    public static (Percentiles Ours, Percentiles Anchor) Run(ModelBundle bundle, float[][] vectors, int warmUp, int calls)
    {
        var d = bundle.Signature.VectorLength;
        var ml = new MLContext(seed: 0);
        using var engine = ml.Model.CreatePredictionEngine<AnchorRows.Input, AnchorRows.Output>(bundle.Model, ignoreMissingColumns: true,
            inputSchemaDefinition: AnchorRows.Schema<AnchorRows.Input>(d));
        var input = new AnchorRows.Input { Features = new float[d] };
        var output = new AnchorRows.Output();
        var ours = new long[calls];
        var anchor = new long[calls];
        var sink = 0f;
        for (var i = -warmUp; i < calls; i++)
        {
            var v = vectors[(i + warmUp) % vectors.Length];
            var start = Stopwatch.GetTimestamp();
            sink += bundle.Score(v).Probability;
            var middle = Stopwatch.GetTimestamp();
            v.CopyTo(input.Features, 0);
            engine.Predict(input, ref output);
            var end = Stopwatch.GetTimestamp();
            sink += output.Probability;
            if (i >= 0)
            {
                ours[i] = middle - start;
                anchor[i] = end - middle;
            }
        }
        GC.KeepAlive(sink);
        return (Percentiles.Of(ours), Percentiles.Of(anchor));
    }
}
