namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// What the cleaner noticed about a tick it kept (silver.ticks carries them as an int column). A tick
/// can carry several flags; <see cref="None"/> is a clean tick.
/// </summary>
[Flags]
public enum TickFlags
{
    /// <summary>Nothing noticed.</summary>
    None = 0,

    /// <summary>The mid is more than k robust deviations from the rolling median (kept because the spike policy is Flag).</summary>
    Spike = 1 << 0,

    /// <summary>The spread is many times the rolling median spread: thin liquidity, rollover, news.</summary>
    WideSpread = 1 << 1,

    /// <summary>The ask is below the bid (kept because the crossed-quote policy is Flag).</summary>
    CrossedQuote = 1 << 2,

    /// <summary>An exact repeat of an earlier tick with the same timestamp (kept because the duplicate policy is Flag).</summary>
    Duplicate = 1 << 3,

    /// <summary>The first tick after a gap longer than the gap threshold (expected closure or missing data).</summary>
    AfterGap = 1 << 4,

    /// <summary>The tick arrived out of timestamp order inside its chunk and was moved by the sort.</summary>
    Reordered = 1 << 5,

    /// <summary>
    /// The session rule expects the market closed at the tick's time (weekend or holiday session): real but thin
    /// quotes, or a clock problem; kept, and worth excluding from features.
    /// </summary>
    ClosedSession = 1 << 6,

    /// <summary>
    /// Bid and ask have not changed for longer than <see cref="TickCleaningOptions.StaleAfter"/> although ticks keep
    /// coming without a gap: a frozen feed repeating its last quote.
    /// </summary>
    Stale = 1 << 7,
}
