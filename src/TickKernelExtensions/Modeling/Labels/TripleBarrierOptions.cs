namespace TickKernelExtensions.Modeling.Labels;

/// <summary>
/// Options of <see cref="TripleBarrierLabeler"/>. Widths are positive; <see cref="double.PositiveInfinity"/> switches
/// a horizontal barrier off (AFML's <c>pt_sl = 0</c>).
/// </summary>
public sealed record TripleBarrierOptions
{
    /// <summary>The defaults: 1 × target on both sides, one hour's holding, volatility scale, vertical exits labelled 0.</summary>
    public static TripleBarrierOptions Default { get; } = new();

    /// <summary>Profit-take width; default 1 (× the event's target). Positive; infinity disables it.</summary>
    public double ProfitTake { get; init; } = 1.0;

    /// <summary>Stop-loss width; default 1 (× the event's target). Positive; infinity disables it.</summary>
    public double StopLoss { get; init; } = 1.0;

    /// <summary>Vertical barrier: the maximum holding time after the event; default 1 hour. Positive.</summary>
    public TimeSpan MaxHolding { get; init; } = TimeSpan.FromHours(1);

    /// <summary>What the widths measure; default <see cref="BarrierScale.Volatility"/>.</summary>
    public BarrierScale Scale { get; init; } = BarrierScale.Volatility;

    /// <summary>The label of a vertical exit; default <see cref="VerticalLabel.Zero"/>.</summary>
    public VerticalLabel VerticalLabel { get; init; } = VerticalLabel.Zero;

    /// <summary>The maximum holding time in microseconds.</summary>
    public long MaxHoldingMicros => MaxHolding.Ticks / 10;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        ModelingChecks.PositiveWidth(errors, nameof(ProfitTake), ProfitTake);
        ModelingChecks.PositiveWidth(errors, nameof(StopLoss), StopLoss);
        if (MaxHoldingMicros <= 0)
        {
            errors.Add($"{nameof(MaxHolding)} must be at least 1 µs, was {MaxHolding}");
        }
        if (!Enum.IsDefined(Scale))
        {
            errors.Add($"{nameof(Scale)} has an unknown value {(int)Scale}");
        }
        if (!Enum.IsDefined(VerticalLabel))
        {
            errors.Add($"{nameof(VerticalLabel)} has an unknown value {(int)VerticalLabel}");
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("triple-barrier options", errors);
        }
    }
}
