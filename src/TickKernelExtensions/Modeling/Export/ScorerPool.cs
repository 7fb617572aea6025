using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// A pool of ML.NET prediction engines with their input and output buffers. A <see cref="PredictionEngine{TSrc,TDst}"/>
/// is not thread safe and costs a schema binding and emitted code to create (hundreds of microseconds of JIT), so each
/// scoring call rents one (creating it when every engine is busy) and returns it, and every engine is kept: the pool
/// grows to the peak number of concurrent scoring calls (at most the threads that score) and no further. An earlier
/// cap on idle engines made a server under load create and discard an engine on most calls once more threads than the
/// cap were scoring at once. Thread safe.
/// </summary>
internal sealed class ScorerPool : IDisposable
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ITransformer? _anomaly;
    private readonly SchemaDefinition _input;
    private readonly ConcurrentBag<Scorer> _idle = [];
    private int _created;
    private volatile bool _disposed;

    public ScorerPool(MLContext ml, ITransformer model, ITransformer? anomaly, ModelSignature signature)
    {
        _ml = ml;
        _model = model;
        _anomaly = anomaly;
        _input = SchemaDefinition.Create(typeof(VectorInput));
        _input[0].ColumnName = signature.VectorColumn;
        _input[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, signature.VectorLength);
        VectorLength = signature.VectorLength;
    }

    /// <summary>Engines created so far: the peak number of concurrent scoring calls.</summary>
    public int Created => Volatile.Read(ref _created);

    public int VectorLength { get; }

    /// <summary>Scores one vector of <see cref="VectorLength"/> values.</summary>
    public ModelScore Score(ReadOnlySpan<float> features)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var scorer = Rent();
        try
        {
            features.CopyTo(scorer.Input.Features);
            scorer.Model.Predict(scorer.Input, ref scorer.Output);
            var anomaly = float.NaN;
            if (scorer.Anomaly is { } engine)
            {
                engine.Predict(scorer.Input, ref scorer.AnomalyOutput);
                anomaly = scorer.AnomalyOutput.Score;
            }
            return new ModelScore(scorer.Output.Probability, scorer.Output.Score, anomaly);
        }
        finally
        {
            Return(scorer);
        }
    }

    private Scorer Rent()
    {
        if (_idle.TryTake(out var scorer))
        {
            return scorer;
        }
        Interlocked.Increment(ref _created);
        return new Scorer
        {
            Model = _ml.Model.CreatePredictionEngine<VectorInput, ClassifierOutput>(_model, ignoreMissingColumns: true, inputSchemaDefinition: _input),
            Anomaly = _anomaly is null ? null
                : _ml.Model.CreatePredictionEngine<VectorInput, AnomalyOutput>(_anomaly, ignoreMissingColumns: true, inputSchemaDefinition: _input),
            Input = new VectorInput { Features = new float[VectorLength] },
        };
    }

    private void Return(Scorer scorer)
    {
        _idle.Add(scorer);
        if (_disposed && _idle.TryTake(out var late))
        {
            // Returned while the pool was being disposed: not left behind.
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var scorer))
        {
            scorer.Dispose();
        }
    }

    private sealed class Scorer : IDisposable
    {
        public required PredictionEngine<VectorInput, ClassifierOutput> Model { get; init; }
        public PredictionEngine<VectorInput, AnomalyOutput>? Anomaly { get; init; }
        public required VectorInput Input { get; init; }
        public ClassifierOutput Output = new();
        public AnomalyOutput AnomalyOutput = new();

        public void Dispose()
        {
            Model.Dispose();
            Anomaly?.Dispose();
        }
    }

    /// <summary>The input row: the vector column (renamed and sized by the schema definition).</summary>
    internal sealed class VectorInput
    {
        public float[] Features { get; set; } = [];
    }

    /// <summary>A binary classifier's outputs.</summary>
    internal sealed class ClassifierOutput
    {
        public float Score { get; set; }
        public float Probability { get; set; }
    }

    /// <summary>An anomaly model's output.</summary>
    internal sealed class AnomalyOutput
    {
        public float Score { get; set; }
    }
}
