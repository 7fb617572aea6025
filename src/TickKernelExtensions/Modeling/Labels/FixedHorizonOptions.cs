using System.Globalization;

namespace TickKernelExtensions.Modeling.Labels;

/// <summary>Options of <see cref="FixedHorizonLabeler"/>.</summary>
public sealed record FixedHorizonOptions
{
    /// <summary>The defaults: a one-hour horizon, no dead zone.</summary>
    public static FixedHorizonOptions Default { get; } = new();

    /// <summary>How long after the event the return is measured; default 1 hour. Positive.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The dead zone, as a return; default 0. A side's bid/ask return must exceed it for a ±1 label, else 0.
    /// Non-negative and finite.
    /// </summary>
    public double DeadZone { get; init; }

    /// <summary>The horizon in microseconds.</summary>
    public long HorizonMicros => Horizon.Ticks / 10;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (HorizonMicros <= 0)
        {
            errors.Add($"{nameof(Horizon)} must be at least 1 µs, was {Horizon}");
        }
        if (!double.IsFinite(DeadZone) || DeadZone < 0)
        {
            errors.Add($"{nameof(DeadZone)} must be a non-negative finite return, was {DeadZone.ToString(CultureInfo.InvariantCulture)}");
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("fixed-horizon options", errors);
        }
    }
}
