using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>Settings of a <see cref="ModelStrategy"/>. Immutable; validated when the strategy is built (every bad field in one message).</summary>
public sealed record ModelStrategyOptions
{
    /// <summary>The bars features are computed on; default one-minute UTC bars, empty minutes skipped (as gold bars are built).</summary>
    public TimeBarOptions Bars { get; init; } = new();

    /// <summary>How long a signal stays live after the bar that produced it (its expiry); default one minute.</summary>
    public TimeSpan SignalLifetime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How signals become orders; default <see cref="SignalTrading.Default"/>.</summary>
    public SignalTrading Trading { get; init; } = SignalTrading.Default;

    /// <summary>
    /// The feature set the caller's data and pipeline compute (e.g. the gold table's); when set, a bundle trained on
    /// any other feature set (by content hash) is refused. Null (default): only the bundle's own consistency is checked.
    /// </summary>
    public FeatureSetDefinition? ExpectedFeatureSet { get; init; }

    /// <summary>Keep every signal produced in <see cref="ModelStrategy.Signals"/> (for export to an executor's replay file); default true.</summary>
    public bool KeepSignals { get; init; } = true;

    internal void Validate()
    {
        var errors = new List<string>();
        if (Bars is null)
        {
            errors.Add($"{nameof(Bars)} must not be null");
        }
        else
        {
            try
            {
                Bars.Validate();
            }
            catch (Market.MarketDataException e)
            {
                errors.Add($"{nameof(Bars)}: {e.Message}");
            }
        }
        if (SignalLifetime <= TimeSpan.Zero || SignalLifetime.Ticks % 10 != 0)
        {
            errors.Add($"{nameof(SignalLifetime)} must be positive and whole microseconds, was {SignalLifetime}");
        }
        if (Trading is null)
        {
            errors.Add($"{nameof(Trading)} must not be null");
        }
        else
        {
            Trading.Validate(errors, nameof(Trading));
        }
        if (errors.Count > 0)
        {
            throw BacktestException.InvalidOptions("model strategy options", errors);
        }
    }
}
