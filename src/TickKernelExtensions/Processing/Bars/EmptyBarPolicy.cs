namespace TickKernelExtensions.Processing.Bars;

/// <summary>What a <see cref="TimeBarBuilder"/> emits for an interval without ticks.</summary>
public enum EmptyBarPolicy
{
    /// <summary>
    /// Emit nothing: the bar series has gaps (weekends, outages). The default, because a flat bar is not an
    /// observation and biases returns and volatility toward zero.
    /// </summary>
    Skip,

    /// <summary>
    /// Emit a flat bar with zero ticks for every empty interval between two bars: all prices equal the previous
    /// close, volumes 0 (<see cref="Bar.Flat"/>). This is how Dukascopy fills its dense candle files. Nothing is
    /// emitted before the first tick or after the last one.
    /// </summary>
    CarryForward,
}
