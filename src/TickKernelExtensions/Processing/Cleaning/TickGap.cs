using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// An interval with no ticks, longer than the gap threshold. Bounds are UTC microseconds; <c>Start</c> is the
/// last tick before the gap (or the start of the observed window), <c>End</c> the first tick after it (or
/// the end of the window).
/// </summary>
/// <param name="StartMicros">Start, UTC microseconds since the Unix epoch.</param>
/// <param name="EndMicros">End (exclusive), UTC microseconds since the Unix epoch.</param>
/// <param name="Kind">Expected closure or missing data.</param>
/// <param name="OpenMarketMicros">The part of the gap during which the session rule expects the market open.</param>
public readonly record struct TickGap(long StartMicros, long EndMicros, GapKind Kind, long OpenMarketMicros)
{
    /// <summary>Start as a UTC time.</summary>
    public DateTime StartUtc => TickTime.FromMicros(StartMicros);

    /// <summary>End as a UTC time.</summary>
    public DateTime EndUtc => TickTime.FromMicros(EndMicros);

    /// <summary>Length of the gap.</summary>
    public TimeSpan Duration => TimeSpan.FromMicroseconds(EndMicros - StartMicros);

    /// <summary>Length of the part the market was expected open; for a <see cref="GapKind.Missing"/> gap, the missing time.</summary>
    public TimeSpan OpenMarketDuration => TimeSpan.FromMicroseconds(OpenMarketMicros);
}
