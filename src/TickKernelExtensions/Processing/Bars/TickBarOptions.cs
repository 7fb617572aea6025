using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>Options of a <see cref="TickBarBuilder"/>.</summary>
public sealed record TickBarOptions
{
    /// <summary>Ticks per bar; default 1,000. At least 1.</summary>
    public int TicksPerBar { get; init; } = 1_000;

    /// <summary>Checks every field; throws <see cref="MarketDataException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        if (TicksPerBar < 1)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions, $"Invalid tick bar options: {nameof(TicksPerBar)} must be at least 1, was {TicksPerBar}.");
        }
    }
}
