namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// The ticks a strategy may see: every tick from the start of the data up to and including the current one, and not
/// one more. The engine slices the columns before handing them over, so a later tick is not reachable through this
/// view (indexing past <see cref="Count"/> throws). Times are UTC µs; the current tick is the last element.
/// </summary>
public readonly ref struct TickWindow
{
    internal TickWindow(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, int count)
    {
        Times = times[..count];
        Bids = bids[..count];
        Asks = asks[..count];
    }

    /// <summary>Tick times, UTC µs, oldest first; the last one is the engine's clock.</summary>
    public ReadOnlySpan<long> Times { get; }

    /// <summary>Bid prices.</summary>
    public ReadOnlySpan<double> Bids { get; }

    /// <summary>Ask prices.</summary>
    public ReadOnlySpan<double> Asks { get; }

    /// <summary>Ticks visible (the current tick's index + 1).</summary>
    public int Count => Times.Length;

    /// <summary>The engine's clock: the current tick's time, UTC µs. Orders submitted now have this decision time.</summary>
    public long Time => Times[^1];

    /// <summary>The current bid.</summary>
    public double Bid => Bids[^1];

    /// <summary>The current ask.</summary>
    public double Ask => Asks[^1];
}
