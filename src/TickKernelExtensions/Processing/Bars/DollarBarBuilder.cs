using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// Builds dollar (notional) bars: each tick adds <c>mid × volume</c> (mid in quote currency per base unit, volume in
/// millions of base units, so the notional is in millions of quote currency); a bar closes on the tick that brings
/// the total to <see cref="DollarBarOptions.NotionalPerBar"/> or beyond, keeping that tick and dropping the excess.
/// NaN volumes count as 0. Not thread safe; one builder per instrument.
/// </summary>
public sealed class DollarBarBuilder : IBarBuilder
{
    private readonly ActivityBarCore _core;

    /// <summary>Creates a builder; the options are validated here.</summary>
    public DollarBarBuilder(DollarBarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _core = new ActivityBarCore(ActivityMeasure.Notional, options.NotionalPerBar, options.Side);
    }

    /// <summary>The validated options.</summary>
    public DollarBarOptions Options { get; }

    /// <inheritdoc />
    public int Add(TickColumns ticks, BarColumns completed) => _core.Add(ticks, completed);

    /// <inheritdoc />
    public int Flush(BarColumns completed) => _core.Flush(completed);

    /// <inheritdoc />
    public void Reset() => _core.Reset();
}
