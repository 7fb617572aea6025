namespace TickKernelExtensions.Modeling.Export;

/// <summary>One scored feature vector.</summary>
/// <param name="Probability">The calibrated probability of the positive class, in [0, 1].</param>
/// <param name="Score">The classifier's raw score (margin).</param>
/// <param name="AnomalyScore">The anomaly model's score; NaN when the bundle has no anomaly model.</param>
public readonly record struct ModelScore(float Probability, float Score, float AnomalyScore);
