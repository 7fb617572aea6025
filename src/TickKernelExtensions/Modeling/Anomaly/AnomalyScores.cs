namespace TickKernelExtensions.Modeling.Anomaly;

/// <summary>Anomaly scores of a batch of feature vectors, one per row.</summary>
/// <param name="Pca">Randomized PCA reconstruction error of the standardized vector (non-negative, unbounded).</param>
/// <param name="KMeans">Squared distance to the nearest k-means centroid, or null when k-means is off.</param>
public sealed record AnomalyScores(float[] Pca, float[]? KMeans);
