namespace TickKernelExtensions.Modeling.Anomaly;

/// <summary>What an <see cref="AnomalyGate"/> says about one feature vector.</summary>
/// <param name="Allowed">True when trading may go ahead: no score above its threshold.</param>
/// <param name="PcaScore">The PCA reconstruction error.</param>
/// <param name="KMeansDistance">The distance to the nearest centroid, or NaN when k-means is off.</param>
/// <param name="Reason">Empty when allowed; else which score exceeded which threshold.</param>
public readonly record struct AnomalyDecision(bool Allowed, float PcaScore, float KMeansDistance, string Reason);
