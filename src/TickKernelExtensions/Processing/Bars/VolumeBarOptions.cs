using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>Options of a <see cref="VolumeBarBuilder"/>.</summary>
public sealed record VolumeBarOptions
{
    /// <summary>
    /// Volume per bar in millions of base units (the tick volume unit; for EURUSD, millions of euros); default 100.
    /// Positive and finite.
    /// </summary>
    public double VolumePerBar { get; init; } = 100;

    /// <summary>Which quote volumes count; default <see cref="VolumeSide.Both"/>.</summary>
    public VolumeSide Side { get; init; } = VolumeSide.Both;

    /// <summary>Checks every field; throws <see cref="MarketDataException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate() => ActivityOptions.Validate("volume bar", nameof(VolumePerBar), VolumePerBar, Side);
}
