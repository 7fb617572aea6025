using System.Globalization;

namespace TickKernelExtensions.Modeling.Anomaly;

/// <summary>
/// A no-trade gate from an <see cref="AnomalyModel"/>: a feature vector whose PCA score (or k-means distance) is
/// above the model's training-quantile threshold is blocked, with the reason. Thread safe.
/// </summary>
public sealed class AnomalyGate
{
    private readonly AnomalyModel _model;

    internal AnomalyGate(AnomalyModel model) => _model = model;

    /// <summary>The PCA score threshold.</summary>
    public double PcaThreshold => _model.PcaThreshold;

    /// <summary>The k-means distance threshold, or NaN when k-means is off.</summary>
    public double KMeansThreshold => _model.KMeansThreshold;

    /// <summary>Allow or block one feature vector (raw, in the model's feature order).</summary>
    public AnomalyDecision Check(ReadOnlySpan<float> features)
    {
        var scores = _model.Score([features.ToArray()]);
        return Decide(scores.Pca[0], scores.KMeans?[0] ?? float.NaN);
    }

    /// <summary>Decisions for many vectors at once (row-major, the model's feature count per row).</summary>
    public AnomalyDecision[] CheckAll(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scores = _model.Score(rows);
        var result = new AnomalyDecision[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = Decide(scores.Pca[i], scores.KMeans?[i] ?? float.NaN);
        }
        return result;
    }

    private AnomalyDecision Decide(float pca, float kmeans)
    {
        var reasons = new List<string>(2);
        if (!(pca <= PcaThreshold))
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"PCA score {pca:G4} > {PcaThreshold:G4}"));
        }
        if (!double.IsNaN(KMeansThreshold) && !(kmeans <= KMeansThreshold))
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"k-means distance {kmeans:G4} > {KMeansThreshold:G4}"));
        }
        return new AnomalyDecision(reasons.Count == 0, pca, kmeans, string.Join("; ", reasons));
    }
}
