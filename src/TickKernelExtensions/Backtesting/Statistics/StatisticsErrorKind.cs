namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>Machine-readable reason of a <see cref="StatisticsException"/>.</summary>
public enum StatisticsErrorKind
{
    /// <summary>An options record has one or more invalid fields (all are named in the message).</summary>
    InvalidOptions,
    /// <summary>The equity curve, a trade or a provenance field is unusable: too few points, unordered, not finite, ≤ 0 at the start.</summary>
    InvalidInput,
}
