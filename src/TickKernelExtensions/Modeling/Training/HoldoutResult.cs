namespace TickKernelExtensions.Modeling.Training;

/// <summary>The one evaluation of a test split by <see cref="HoldoutTest"/>.</summary>
/// <param name="Metrics">The test metrics.</param>
/// <param name="Probabilities">The predicted probabilities, in test-part order (for calibration).</param>
/// <param name="EvaluatedAt">When it was evaluated (UTC, from the injected clock).</param>
/// <param name="Model">The model's description (<see cref="PatternModelOptions.Describe"/>).</param>
public sealed record HoldoutResult(BinaryMetrics Metrics, IReadOnlyList<float> Probabilities, DateTimeOffset EvaluatedAt, string Model);
