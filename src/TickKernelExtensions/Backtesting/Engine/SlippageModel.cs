using System.Globalization;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// Slippage beyond the quote for fills that execute as market orders: market entries, closes, stop-losses, margin
/// calls and end-of-data closes. Limit entries and take-profits never slip (a limit never fills worse than its quote).
/// A buy fills at <c>ask + s</c>, a sell at <c>bid − s</c>. Immutable.
/// </summary>
/// <param name="Kind">The model.</param>
/// <param name="Amount">Points for <see cref="SlippageKind.FixedPoints"/>, a fraction of the spread for <see cref="SlippageKind.SpreadFraction"/>; ≥ 0.</param>
public sealed record SlippageModel(SlippageKind Kind, double Amount)
{
    /// <summary>No slippage (the default).</summary>
    public static SlippageModel None { get; } = new(SlippageKind.None, 0);

    /// <summary>A fixed number of instrument points against the trader on every market-type fill.</summary>
    public static SlippageModel FixedPoints(double points) => new(SlippageKind.FixedPoints, points);

    /// <summary>A fraction of the fill tick's spread against the trader.</summary>
    public static SlippageModel SpreadFraction(double fraction) => new(SlippageKind.SpreadFraction, fraction);

    internal void Validate(List<string> errors, string prefix)
    {
        if (!Enum.IsDefined(Kind))
        {
            errors.Add($"{prefix}.{nameof(Kind)} has an unknown value {(int)Kind}");
        }
        if (!(Amount >= 0) || double.IsInfinity(Amount))
        {
            errors.Add($"{prefix}.{nameof(Amount)} must be finite and ≥ 0, was {Amount.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>The price distance (≥ 0) a fill on a tick with this spread slips, given the instrument's point.</summary>
    internal double Distance(double bid, double ask, double point) => Kind switch
    {
        SlippageKind.FixedPoints => Amount * point,
        SlippageKind.SpreadFraction => Amount * Math.Max(0, ask - bid),
        _ => 0,
    };
}
