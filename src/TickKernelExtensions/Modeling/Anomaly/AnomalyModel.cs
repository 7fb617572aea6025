using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using TickKernelExtensions.Modeling.Training;

namespace TickKernelExtensions.Modeling.Anomaly;

/// <summary>
/// An unsupervised "unlike the training data" score: feature vectors are standardized with the training part's
/// means and standard deviations (ML.NET's mean-variance normalizer, fitted on the training part, so the scaling
/// travels inside the saved model and a serving host needs no code of ours to apply it), then scored by ML.NET's
/// randomized PCA (reconstruction error outside the top-<c>Rank</c> subspace) and, optionally, by the
/// squared distance to the nearest k-means centroid. Each score's threshold is a training-score quantile; the
/// <see cref="Gate"/> blocks what exceeds one. Seeded and single-threaded: same data and seed, same scores.
/// Scoring is thread safe.
/// </summary>
public sealed class AnomalyModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _normalizer;
    private readonly ITransformer _pca;
    private readonly ITransformer? _kmeans;

    private AnomalyModel(MLContext ml, ITransformer normalizer, ITransformer pca, ITransformer? kmeans,
        IReadOnlyList<string> featureNames, AnomalyModelOptions options)
    {
        _ml = ml;
        _normalizer = normalizer;
        _pca = pca;
        _kmeans = kmeans;
        FeatureNames = featureNames;
        Options = options;
    }

    /// <summary>The feature names, in vector order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The options it was trained with.</summary>
    public AnomalyModelOptions Options { get; }

    /// <summary>The PCA score at the training quantile.</summary>
    public double PcaThreshold { get; private set; }

    /// <summary>The k-means distance at the training quantile; NaN when k-means is off.</summary>
    public double KMeansThreshold { get; private set; } = double.NaN;

    /// <summary>
    /// The standardization and the PCA scorer as one ML.NET transformer: reads the <c>Features</c> vector (model feature
    /// order) and writes the float <c>Score</c> that <see cref="PcaThreshold"/> applies to. This is what a model bundle
    /// carries (the k-means distance stays with this object).
    /// </summary>
    public ITransformer PcaTransformer => new TransformerChain<ITransformer>(_normalizer, _pca);

    /// <summary>The gate that allows or blocks trading on this model's thresholds.</summary>
    public AnomalyGate Gate() => new(this);

    /// <summary>Fits on the feature vectors of <paramref name="part"/> (labels and weights are ignored).</summary>
    /// <exception cref="ModelingException">InvalidOptions, including a rank not below the feature count.</exception>
    public static AnomalyModel Train(TrainingPart part, IReadOnlyList<string> featureNames, AnomalyModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(featureNames);
        options ??= AnomalyModelOptions.Default;
        options.Validate();
        ModelingChecks.SameLength("featureNames", featureNames.Count, part.FeatureCount);
        if (options.Rank >= part.FeatureCount)
        {
            throw ModelingException.InvalidOptions("anomaly model options",
                [$"{nameof(AnomalyModelOptions.Rank)} must be below the feature count {part.FeatureCount}, was {options.Rank}"]);
        }
        var d = part.FeatureCount;
        var rows = new float[part.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = part.Row(i).ToArray();
        }
        var ml = new MLContext(options.Seed);
        var raw = TrainingRows.VectorsToDataView(ml, rows, d);
        var normalizer = ml.Transforms.NormalizeMeanVariance(TrainingRows.Features, fixZero: false).Fit(raw);
        var data = normalizer.Transform(raw);
        var pca = ml.AnomalyDetection.Trainers.RandomizedPca(TrainingRows.Features, rank: options.Rank,
            oversampling: options.Oversampling, ensureZeroMean: true, seed: options.Seed).Fit(data);
        ITransformer? kmeans = options.UseKMeans
            ? ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = TrainingRows.Features,
                NumberOfClusters = options.Clusters,
                NumberOfThreads = 1,
            }).Fit(data)
            : null;
        var trained = new AnomalyModel(ml, normalizer, pca, kmeans, [.. featureNames], options);
        var scores = trained.Score(rows);
        trained.PcaThreshold = Quantile(scores.Pca, options.ThresholdQuantile);
        if (scores.KMeans is { } distances)
        {
            trained.KMeansThreshold = Quantile(distances, options.ThresholdQuantile);
        }
        return trained;
    }

    /// <summary>Scores raw feature vectors (one array per row, model feature order).</summary>
    public AnomalyScores Score(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            ModelingChecks.SameLength("features", row.Length, FeatureNames.Count);
        }
        var data = _normalizer.Transform(TrainingRows.VectorsToDataView(_ml, rows, FeatureNames.Count));
        var pca = _pca.Transform(data).GetColumn<float>("Score").ToArray();
        float[]? kmeans = null;
        if (_kmeans is not null)
        {
            kmeans = _kmeans.Transform(data).GetColumn<float[]>("Score").Select(distances => distances.Min()).ToArray();
        }
        return new AnomalyScores(pca, kmeans);
    }

    /// <summary>Scores every sample of <paramref name="part"/>.</summary>
    public AnomalyScores Score(TrainingPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var rows = new float[part.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = part.Row(i).ToArray();
        }
        return Score(rows);
    }

    // Nearest rank: the smallest score with at least q of the scores at or below it.
    private static double Quantile(float[] scores, double q)
    {
        var sorted = (float[])scores.Clone();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling((q * sorted.Length) - 1e-9);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
