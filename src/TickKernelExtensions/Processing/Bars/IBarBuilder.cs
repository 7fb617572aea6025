using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>
/// A streaming bar builder for one instrument: feed tick chunks in time order, collect the bars they complete,
/// flush at the end of the data. Feeding the same ticks in any chunking gives bit-identical bars. Columnar: no
/// per-tick objects. Not thread safe; use one builder per instrument.
/// </summary>
public interface IBarBuilder
{
    /// <summary>
    /// Adds every tick of <paramref name="ticks"/> and appends each bar they complete to <paramref name="completed"/>.
    /// Returns the number of bars appended. A bar stays open until a later tick (or <see cref="Flush"/>) closes it.
    /// </summary>
    /// <exception cref="MarketDataException">
    /// <see cref="MarketDataErrorKind.InvalidTick"/> when a timestamp is earlier than the one before it (also across
    /// chunks); the ticks before it in the chunk have been consumed.
    /// </exception>
    int Add(TickColumns ticks, BarColumns completed);

    /// <summary>
    /// Closes the open bar, if any, and appends it. Call at the end of the data: the flushed bar may be incomplete
    /// (for a time bar, ticks of its interval may still come; an activity bar has not reached its threshold).
    /// The builder then starts afresh but keeps its clock, so later ticks must not be earlier than the flushed ones.
    /// </summary>
    int Flush(BarColumns completed);

    /// <summary>Forgets all state, including the last tick time and the carried-forward quote.</summary>
    void Reset();
}
