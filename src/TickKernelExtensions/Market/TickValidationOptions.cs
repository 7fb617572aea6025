namespace TickKernelExtensions.Market;

/// <summary>
/// How strictly ticks are checked on the way in. NaN, non-positive and wrong-scale prices, invalid
/// volumes and out-of-order timestamps are always rejected; crossed quotes and exact duplicate ticks
/// follow a policy. Several ticks may share a millisecond with different prices (Dukascopy does this),
/// so only an exact repeat of the previous tick counts as a duplicate.
/// </summary>
public sealed record TickValidationOptions
{
    /// <summary>Crossed quotes (ask &lt; bid). Default <see cref="TickPolicy.Reject"/>.</summary>
    public TickPolicy CrossedQuotes { get; init; } = TickPolicy.Reject;

    /// <summary>Exact duplicates of the previous tick. Default <see cref="TickPolicy.Reject"/>.</summary>
    public TickPolicy DuplicateTicks { get; init; } = TickPolicy.Reject;

    /// <summary>Everything rejected: the default for files a person hands in (CSV import).</summary>
    public static TickValidationOptions Strict { get; } = new();

    /// <summary>
    /// The source of record is kept as received (crossed quotes and repeats are counted, not refused):
    /// the default for the Dukascopy feeds, whose rare crossed quotes are real market data for the
    /// cleaning stage to judge.
    /// </summary>
    public static TickValidationOptions AsReceived { get; } = new()
    {
        CrossedQuotes = TickPolicy.Keep,
        DuplicateTicks = TickPolicy.Keep,
    };
}
