using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using TickKernelExtensions.Modeling.Training;

namespace TickKernelExtensions.Modeling.Anomaly;

/// <summary>
/// An unsupervised "unlike the training data" score: feature vectors are standardized with the training part's
/// means and standard deviations (computed here in double, so the scale is ours, not a transform's), then scored
/// by ML.NET's randomized PCA (reconstruction error outside the top-<c>Rank</c> subspace) and, optionally, by the
/// squared distance to the nearest k-means centroid. Each score's threshold is a training-score quantile; the
/// <see cref="Gate"/> blocks what exceeds one. Seeded and single-threaded: same data and seed, same scores.
/// Scoring is thread safe.
/// </summary>
public sealed class AnomalyModel
{
    private readonly MLContext _ml;
    private readonly double[] _means;
    private readonly double[] _scales;
    private readonly ITransformer _pca;
    private readonly ITransformer? _kmeans;

    private AnomalyModel(MLContext ml, double[] means, double[] scales, ITransformer pca, ITransformer? kmeans,
        IReadOnlyList<string> featureNames, AnomalyModelOptions options)
    {
        _ml = ml;
        _means = means;
        _scales = scales;
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
        var means = new double[d];
        var scales = new double[d];
        for (var c = 0; c < d; c++)
        {
            double sum = 0, sumSquares = 0;
            for (var i = 0; i < part.Count; i++)
            {
                var v = (double)part.Row(i)[c];
                sum += v;
                sumSquares += v * v;
            }
            means[c] = sum / part.Count;
            var variance = Math.Max(0, (sumSquares / part.Count) - (means[c] * means[c]));
            scales[c] = variance > 0 ? Math.Sqrt(variance) : 1.0;
        }
        var rows = new float[part.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = part.Row(i).ToArray();
        }
        var ml = new MLContext(options.Seed);
        var data = TrainingRows.VectorsToDataView(ml, Standardize(rows, means, scales), d);
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
        var trained = new AnomalyModel(ml, means, scales, pca, kmeans, [.. featureNames], options);
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
            ModelingChecks.SameLength("features", row.Length, _means.Length);
        }
        var data = TrainingRows.VectorsToDataView(_ml, Standardize(rows, _means, _scales), _means.Length);
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

    private static float[][] Standardize(float[][] rows, double[] means, double[] scales)
    {
        var result = new float[rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            var z = new float[means.Length];
            for (var c = 0; c < z.Length; c++)
            {
                z[c] = (float)((rows[i][c] - means[c]) / scales[c]);
            }
            result[i] = z;
        }
        return result;
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
