using System.Globalization;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// How a probability becomes a <see cref="Signals.SignalAction"/>: buy when <c>p ≥ BuyAt</c>, sell when
/// <c>p ≤ SellAt</c>, flat otherwise; a null threshold switches that side off (a long-only meta-label model has no
/// <see cref="SellAt"/>). Stored in the bundle's <c>decision.json</c>. Defaults 0.55 / 0.45. Immutable.
/// </summary>
public sealed record DecisionThresholds
{
    /// <summary>Buy when the probability is at least this (in [0, 1]); null: never buy. Default 0.55.</summary>
    public double? BuyAt { get; init; } = 0.55;

    /// <summary>Sell when the probability is at most this (in [0, 1]); null: never sell. Default 0.45.</summary>
    public double? SellAt { get; init; } = 0.45;

    /// <summary>Adds a message per bad field to <paramref name="errors"/>.</summary>
    internal void Validate(List<string> errors)
    {
        if (BuyAt is { } buy && !(buy >= 0 && buy <= 1))
        {
            errors.Add($"Thresholds.BuyAt must be in [0, 1], was {buy.ToString(CultureInfo.InvariantCulture)}");
        }
        if (SellAt is { } sell && !(sell >= 0 && sell <= 1))
        {
            errors.Add($"Thresholds.SellAt must be in [0, 1], was {sell.ToString(CultureInfo.InvariantCulture)}");
        }
        if (BuyAt is { } b && SellAt is { } s && !(s < b))
        {
            errors.Add($"Thresholds.SellAt ({s.ToString(CultureInfo.InvariantCulture)}) must be below BuyAt ({b.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
