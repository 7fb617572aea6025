using Microsoft.ML;
using Microsoft.ML.Data;
using TickKernelExtensions.Modeling.Export;

namespace Modeling.Bench;

/// <summary>
/// Scoring throughput: ours (<see cref="ModelBundle.Score"/> on a loaded bundle) with 1 and 2 threads, against ML.NET's
/// <see cref="PredictionEngine{TSrc,TDst}"/> created directly from the bundle's own transformer (one engine per
/// thread) and a batch <c>Transform</c> over an <see cref="IDataView"/> of the same rows. Every run scores
/// <c>calls</c> rows, cycling over the feature vectors; one warm-up, then <c>runs</c> runs, interleaved.
/// </summary>
internal static class ScoringBenchmark
{
    public static (List<(Samples Ours, Samples Anchor)> Pairs, Samples Batch, double BytesPerCallOurs, double BytesPerCallAnchor, int Mismatches, List<double> Scaling)
        Run(ModelBundle bundle, float[][] vectors, int calls, int threads, int runs)
    {
        var d = bundle.Signature.VectorLength;
        var ml = new MLContext(seed: 0);
        var schema = AnchorRows.Schema<AnchorRows.Input>(d);
        var engines = Enumerable.Range(0, threads)
            .Select(_ => ml.Model.CreatePredictionEngine<AnchorRows.Input, AnchorRows.Output>(bundle.Model, ignoreMissingColumns: true, inputSchemaDefinition: schema))
            .ToArray();
        var batchRows = Enumerable.Range(0, calls).Select(i => new AnchorRows.Input { Features = vectors[i % vectors.Length] }).ToArray();

        // Both scorers must give the same probability for every vector, or the comparison is void.
        var mismatches = 0;
        var output = new AnchorRows.Output();
        var input = new AnchorRows.Input { Features = new float[d] };
        foreach (var v in vectors)
        {
            v.CopyTo(input.Features, 0);
            engines[0].Predict(input, ref output);
            mismatches += bundle.Score(v).Probability == output.Probability ? 0 : 1;
        }

        var ours1 = new Samples("ours: ModelBundle.Score", 1, calls);
        var anchor1 = new Samples("anchor: PredictionEngine, direct", 1, calls);
        var oursN = new Samples("ours: ModelBundle.Score", threads, calls);
        var anchorN = new Samples("anchor: PredictionEngine, direct (one per thread)", threads, calls);
        var batch = new Samples("anchor: Transform over an IDataView (batch)", 1, calls);
        double oursBytes = 0, anchorBytes = 0;
        var scaling = new List<double>();
        for (var r = -1; r < runs; r++)
        {
            var record = r >= 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            ours1.Time(() => Ours(bundle, vectors, 0, calls), record);
            oursBytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
            before = GC.GetAllocatedBytesForCurrentThread();
            anchor1.Time(() => Anchor(engines[0], vectors, 0, calls), record);
            anchorBytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
            oursN.Time(() => Parallel(threads, calls, (_, from, to) => Ours(bundle, vectors, from, to)), record);
            anchorN.Time(() => Parallel(threads, calls, (t, from, to) => Anchor(engines[t], vectors, from, to)), record);
            batch.Time(() => Batch(ml, bundle.Model, batchRows, d), record);
            if (record)
            {
                scaling.Add(ParallelismProbe.Scaling(threads));
            }
        }
        foreach (var engine in engines)
        {
            engine.Dispose();
        }
        return ([(ours1, anchor1), (oursN, anchorN)], batch, oursBytes, anchorBytes, mismatches, scaling);
    }

    private static float Ours(ModelBundle bundle, float[][] vectors, int from, int to)
    {
        var sum = 0f;
        for (var i = from; i < to; i++)
        {
            sum += bundle.Score(vectors[i % vectors.Length]).Probability;
        }
        return sum;
    }

    // As a user of ML.NET would: one engine, one reused input and output object, the vector copied into the input.
    private static float Anchor(PredictionEngine<AnchorRows.Input, AnchorRows.Output> engine, float[][] vectors, int from, int to)
    {
        var input = new AnchorRows.Input { Features = new float[vectors[0].Length] };
        var output = new AnchorRows.Output();
        var sum = 0f;
        for (var i = from; i < to; i++)
        {
            vectors[i % vectors.Length].CopyTo(input.Features, 0);
            engine.Predict(input, ref output);
            sum += output.Probability;
        }
        return sum;
    }

    private static float Batch(MLContext ml, ITransformer model, AnchorRows.Input[] rows, int d)
    {
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows, AnchorRows.Schema<AnchorRows.Input>(d)));
        var column = scored.Schema["Probability"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<float>(column);
        var sum = 0f;
        var p = 0f;
        while (cursor.MoveNext())
        {
            getter(ref p);
            sum += p;
        }
        return sum;
    }

    /// <summary>Splits [0, calls) into <paramref name="threads"/> contiguous slices, one dedicated thread each (work gets the thread's index and its slice).</summary>
    private static void Parallel(int threads, int calls, Action<int, int, int> work)
    {
        var workers = Enumerable.Range(0, threads).Select(t =>
        {
            var from = (int)((long)calls * t / threads);
            var to = (int)((long)calls * (t + 1) / threads);
            var thread = new Thread(() => work(t, from, to));
            thread.Start();
            return thread;
        }).ToList();
        foreach (var thread in workers)
        {
            thread.Join();
        }
    }
}
