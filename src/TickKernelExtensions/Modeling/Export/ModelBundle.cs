using System.Globalization;
using Microsoft.ML;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// A verified, loaded model bundle (see <see cref="Load"/>): what it reads, where it came from, and a scorer.
/// <see cref="Score"/> is thread safe and meant for a serving host calling it concurrently: each call rents an ML.NET
/// prediction engine from a pool (engines are not thread safe), so concurrent calls never share buffers and the hot
/// path allocates nothing of its own. Dispose to release the engines.
/// </summary>
public sealed partial class ModelBundle : IDisposable
{
    private readonly ScorerPool _pool;
    private readonly int[] _featureIndices;

    private ModelBundle(ScorerPool pool, int[] featureIndices) => (_pool, _featureIndices) = (pool, featureIndices);

    /// <summary>The bundle folder (full path).</summary>
    public required string Folder { get; init; }

    /// <summary>The model name.</summary>
    public required string Name { get; init; }

    /// <summary>The bundle version; <see cref="ToSignal"/> writes it as the signal's model version.</summary>
    public required string Version { get; init; }

    /// <summary>The bundle's identity (<see cref="ModelBundleManifest.ContentHash"/>).</summary>
    public required string ContentHash { get; init; }

    /// <summary>The input vector's columns.</summary>
    public required ModelSignature Signature { get; init; }

    /// <summary>The output columns: <c>score</c>, <c>probability</c> and, with an anomaly model, <c>anomaly_score</c>.</summary>
    public required IReadOnlyList<string> Outputs { get; init; }

    /// <summary>The feature set the inputs come from (parsed from <c>feature-set.json</c>).</summary>
    public required FeatureSetDefinition FeatureSet { get; init; }

    /// <summary>The columns <see cref="FeatureSetCalculator"/> computes for <see cref="FeatureSet"/>, in row order.</summary>
    public required IReadOnlyList<string> FeatureSetColumns { get; init; }

    /// <summary>The dataset versions trained on.</summary>
    public required IReadOnlyList<ModelDatasetVersion> Datasets { get; init; }

    /// <summary>Metrics by name.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Probability → action thresholds.</summary>
    public required DecisionThresholds Thresholds { get; init; }

    /// <summary>Anomaly scores above this make a signal flat; null without an anomaly model.</summary>
    public double? AnomalyThreshold { get; init; }

    /// <summary>The classifier (for batch scoring with <c>Transform</c>).</summary>
    public required ITransformer Model { get; init; }

    /// <summary>The anomaly model, or null.</summary>
    public ITransformer? AnomalyModel { get; init; }

    /// <summary>Every file with its verified size and hash.</summary>
    public required IReadOnlyList<ModelBundleFile> Files { get; init; }

    /// <summary>Prediction engines built so far: the peak number of concurrent <see cref="Score"/> calls.</summary>
    internal int ScoringEngines => _pool.Created;

    /// <summary>
    /// Scores one feature vector: <see cref="ModelSignature.VectorLength"/> float32 values in
    /// <see cref="ModelSignature.InputColumns"/> order (NaN for missing). Thread safe.
    /// </summary>
    /// <exception cref="ModelBundleException">InvalidInput when the length differs from the signature's.</exception>
    public ModelScore Score(ReadOnlySpan<float> features)
    {
        if (features.Length != Signature.VectorLength)
        {
            throw new ModelBundleException(ModelBundleErrorKind.InvalidInput, "The feature vector has the wrong length.")
            {
                Field = Signature.VectorColumn,
                Expected = Signature.VectorLength.ToString(CultureInfo.InvariantCulture),
                Actual = features.Length.ToString(CultureInfo.InvariantCulture),
            };
        }
        return _pool.Score(features);
    }

    /// <summary>
    /// Picks the model's inputs out of a <see cref="FeatureSetCalculator"/> row (<see cref="FeatureSetColumns"/> order,
    /// double) into <paramref name="destination"/> (<see cref="ModelSignature.InputColumns"/> order, float32).
    /// </summary>
    public void GatherInputs(ReadOnlySpan<double> featureRow, Span<float> destination)
    {
        if (featureRow.Length != FeatureSetColumns.Count || destination.Length != _featureIndices.Length)
        {
            throw new ModelBundleException(ModelBundleErrorKind.InvalidInput, "The feature row or the destination has the wrong length.")
            {
                Expected = $"row {FeatureSetColumns.Count}, destination {_featureIndices.Length}",
                Actual = $"row {featureRow.Length}, destination {destination.Length}",
            };
        }
        for (var i = 0; i < _featureIndices.Length; i++)
        {
            destination[i] = (float)featureRow[_featureIndices[i]];
        }
    }

    /// <summary>
    /// The signal for a score: flat with reason <c>anomaly</c> when the anomaly score is above
    /// <see cref="AnomalyThreshold"/>; otherwise buy when the probability reaches <see cref="DecisionThresholds.BuyAt"/>
    /// (confidence p), sell when it is at most <see cref="DecisionThresholds.SellAt"/> (confidence 1 − p), else flat
    /// (confidence max(p, 1 − p), the likelier side's probability, which fell short), all with reason <c>model</c>.
    /// Model name and version are the bundle's.
    /// </summary>
    public TradeSignal ToSignal(string symbol, DateTime time, DateTime expiry, ModelScore score)
    {
        var p = Math.Clamp((double)score.Probability, 0, 1);
        var anomalous = AnomalyThreshold is { } limit && score.AnomalyScore > limit;
        var action = anomalous ? SignalAction.Flat
            : Thresholds.BuyAt is { } buy && p >= buy ? SignalAction.Buy
            : Thresholds.SellAt is { } sell && p <= sell ? SignalAction.Sell
            : SignalAction.Flat;
        var signal = new TradeSignal
        {
            Symbol = symbol,
            Time = time,
            Expiry = expiry,
            Action = action,
            Confidence = action switch
            {
                SignalAction.Buy => p,
                SignalAction.Sell => 1 - p,
                _ => Math.Max(p, 1 - p),
            },
            AnomalyScore = float.IsNaN(score.AnomalyScore) ? double.NaN : score.AnomalyScore,
            Reason = anomalous ? "anomaly" : "model",
            ModelName = Name,
            ModelVersion = Version,
        };
        signal.Validate();
        return signal;
    }

    public void Dispose() => _pool.Dispose();
}
