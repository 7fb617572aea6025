using System.Globalization;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// The size of an entry order that does not state its lots. Sizes are decided at the fill, from the fill price and the
/// equity then: <see cref="SizingKind.FixedFraction"/> gives
/// <c>lots = Value × equity / (|fill − stop| × contract size × quote→account rate)</c>, rounded down to the lot step, so
/// a stop-loss filled at its price loses <see cref="Value"/> of equity (a gap through the stop loses more). An entry
/// without a stop-loss cannot be sized by fraction and is an invalid order. Immutable.
/// </summary>
/// <param name="Kind">The rule.</param>
/// <param name="Value">Lots for <see cref="SizingKind.FixedLots"/>; the fraction of equity risked (0, 1] for <see cref="SizingKind.FixedFraction"/>.</param>
public sealed record PositionSizing(SizingKind Kind, double Value)
{
    /// <summary>Always <paramref name="lots"/> lots.</summary>
    public static PositionSizing FixedLots(double lots) => new(SizingKind.FixedLots, lots);

    /// <summary>Risk <paramref name="fraction"/> of equity between the fill and the stop-loss (e.g. 0.01 = 1 %).</summary>
    public static PositionSizing FixedFraction(double fraction) => new(SizingKind.FixedFraction, fraction);

    internal void Validate(List<string> errors, string prefix)
    {
        if (!Enum.IsDefined(Kind))
        {
            errors.Add($"{prefix}.{nameof(Kind)} has an unknown value {(int)Kind}");
        }
        var v = Value.ToString(CultureInfo.InvariantCulture);
        if (Kind == SizingKind.FixedLots && !(Value > 0 && double.IsFinite(Value)))
        {
            errors.Add($"{prefix}.{nameof(Value)} (lots) must be positive and finite, was {v}");
        }
        if (Kind == SizingKind.FixedFraction && !(Value > 0 && Value <= 1))
        {
            errors.Add($"{prefix}.{nameof(Value)} (fraction of equity) must be in (0, 1], was {v}");
        }
    }
}
