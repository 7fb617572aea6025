namespace TickKernelExtensions.Modeling.Training;

/// <summary>One trial of a <see cref="HyperparameterSearch"/>: its parameters and metrics.</summary>
/// <param name="Index">0-based order in which it ran.</param>
/// <param name="Options">The parameters tried.</param>
/// <param name="Train">Metrics on the train part (in sample).</param>
/// <param name="Validation">Metrics on the validation part (what the search selects on).</param>
/// <param name="Elapsed">Fit and scoring time, on the injected clock.</param>
public sealed record SearchTrial(int Index, PatternModelOptions Options, BinaryMetrics Train, BinaryMetrics Validation, TimeSpan Elapsed);
