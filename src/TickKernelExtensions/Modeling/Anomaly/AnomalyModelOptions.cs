using System.Globalization;

namespace TickKernelExtensions.Modeling.Anomaly;

/// <summary>Options of <see cref="AnomalyModel"/>.</summary>
public sealed record AnomalyModelOptions
{
    /// <summary>The defaults: PCA rank 3, oversampling 20, k-means with 4 clusters, thresholds at the 99th training-score percentile, seed 1.</summary>
    public static AnomalyModelOptions Default { get; } = new();

    /// <summary>Principal components kept; default 3. At least 1 and below the feature count.</summary>
    public int Rank { get; init; } = 3;

    /// <summary>Randomized PCA's oversampling; default 20. At least 0.</summary>
    public int Oversampling { get; init; } = 20;

    /// <summary>
    /// Also score the squared distance to the nearest k-means centroid; default true. The PCA score only sees how far a
    /// vector leaves the principal subspace, so a huge move along a principal direction (a 5 % one-minute return, when
    /// returns are a principal component) passes it; the centroid distance measures magnitude and catches it.
    /// </summary>
    public bool UseKMeans { get; init; } = true;

    /// <summary>k-means clusters; default 4. In [2, 100].</summary>
    public int Clusters { get; init; } = 4;

    /// <summary>
    /// The training-score quantile that becomes each score's threshold (nearest rank); default 0.99, i.e. about 1 % of
    /// training rows would be blocked. In (0, 1].
    /// </summary>
    public double ThresholdQuantile { get; init; } = 0.99;

    /// <summary>The seed of ML.NET's context and the PCA; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Rank < 1)
        {
            errors.Add($"{nameof(Rank)} must be at least 1, was {Rank}");
        }
        if (Oversampling < 0)
        {
            errors.Add($"{nameof(Oversampling)} must not be negative, was {Oversampling}");
        }
        if (Clusters is < 2 or > 100)
        {
            errors.Add($"{nameof(Clusters)} must be in [2, 100], was {Clusters}");
        }
        if (!(ThresholdQuantile > 0 && ThresholdQuantile <= 1))
        {
            errors.Add($"{nameof(ThresholdQuantile)} must be in (0, 1], was {ThresholdQuantile.ToString(CultureInfo.InvariantCulture)}");
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("anomaly model options", errors);
        }
    }
}
