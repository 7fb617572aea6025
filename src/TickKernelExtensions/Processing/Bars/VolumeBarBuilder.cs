using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// Builds volume bars: a bar closes on the tick that brings its summed quote volume (millions of base units, see
/// <see cref="VolumeBarOptions.Side"/>) to <see cref="VolumeBarOptions.VolumePerBar"/> or beyond. That tick stays in
/// the bar and the excess is not carried over. NaN volumes count as 0, so a source without volumes never closes a
/// bar until <see cref="Flush"/>: use tick bars there. FX quote volumes are liquidity offered, not traded volume.
/// Not thread safe; one builder per instrument.
/// </summary>
public sealed class VolumeBarBuilder : IBarBuilder
{
    private readonly ActivityBarCore _core;

    /// <summary>Creates a builder; the options are validated here.</summary>
    public VolumeBarBuilder(VolumeBarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _core = new ActivityBarCore(ActivityMeasure.Volume, options.VolumePerBar, options.Side);
    }

    /// <summary>The validated options.</summary>
    public VolumeBarOptions Options { get; }

    /// <inheritdoc />
    public int Add(TickColumns ticks, BarColumns completed) => _core.Add(ticks, completed);

    /// <inheritdoc />
    public int Flush(BarColumns completed) => _core.Flush(completed);

    /// <inheritdoc />
    public void Reset() => _core.Reset();
}
