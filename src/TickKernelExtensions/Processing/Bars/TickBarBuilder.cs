using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// Builds tick bars: one bar every <see cref="TickBarOptions.TicksPerBar"/> ticks (López de Prado, AFML ch. 2).
/// Open time is the first tick's time, close time the last tick's. Not thread safe; one builder per instrument.
/// </summary>
public sealed class TickBarBuilder : IBarBuilder
{
    private readonly ActivityBarCore _core;

    /// <summary>Creates a builder; the options are validated here.</summary>
    public TickBarBuilder(TickBarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _core = new ActivityBarCore(ActivityMeasure.Ticks, options.TicksPerBar, VolumeSide.Both);
    }

    /// <summary>The validated options.</summary>
    public TickBarOptions Options { get; }

    /// <inheritdoc />
    public int Add(TickColumns ticks, BarColumns completed) => _core.Add(ticks, completed);

    /// <inheritdoc />
    public int Flush(BarColumns completed) => _core.Flush(completed);

    /// <inheritdoc />
    public void Reset() => _core.Reset();
}
