namespace TickKernelExtensions.Processing.Bars;

/// <summary>Options of a <see cref="DollarBarBuilder"/>.</summary>
public sealed record DollarBarOptions
{
    /// <summary>
    /// Notional per bar in millions of quote currency (for EURUSD, millions of US dollars): each tick adds
    /// <c>mid × volume</c>, where the volume is in millions of base units. Default 100. Positive and finite.
    /// </summary>
    public double NotionalPerBar { get; init; } = 100;

    /// <summary>Which quote volumes count; default <see cref="VolumeSide.Both"/>.</summary>
    public VolumeSide Side { get; init; } = VolumeSide.Both;

    /// <summary>Checks every field; throws an InvalidOptions market-data exception naming each bad one.</summary>
    public void Validate() => ActivityOptions.Validate("dollar bar", nameof(NotionalPerBar), NotionalPerBar, Side);
}
