using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// What cleaning did to one symbol's ticks of one UTC day: counts in, kept, dropped by reason and flagged by flag,
/// the gaps (missing and expected), and the first and last kept tick. Every input tick is either kept or dropped:
/// <c>InputTicks == KeptTicks + DroppedTicks</c>. Immutable; notebooks show it as a table.
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource<TickQualityReport>), PreferredMimeTypes = ["text/html"])]
public sealed record TickQualityReport
{
    /// <summary>The symbol, e.g. <c>EURUSD</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>The UTC day of the partition.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>Ticks handed to the cleaner.</summary>
    public required long InputTicks { get; init; }

    /// <summary>Ticks written to silver (flagged or not).</summary>
    public required long KeptTicks { get; init; }

    /// <summary>Kept ticks carrying at least one flag.</summary>
    public required long FlaggedTicks { get; init; }

    /// <summary>Dropped ticks per reason; every reason is present, zeros included.</summary>
    public required IReadOnlyDictionary<TickDropReason, long> DroppedByReason { get; init; }

    /// <summary>Kept ticks per single flag; every flag is present, zeros included. A tick with two flags counts under both.</summary>
    public required IReadOnlyDictionary<TickFlags, long> FlaggedByFlag { get; init; }

    /// <summary>Gaps longer than the threshold inside the day, including the stretches before the first and after the last tick.</summary>
    public required IReadOnlyList<TickGap> Gaps { get; init; }

    /// <summary>First kept tick, UTC microseconds; null when nothing was kept.</summary>
    public long? FirstTickMicros { get; init; }

    /// <summary>Last kept tick, UTC microseconds; null when nothing was kept.</summary>
    public long? LastTickMicros { get; init; }

    /// <summary>Times the spike filter decided the level had really moved and restarted its window.</summary>
    public long SpikeReanchors { get; init; }

    /// <summary>All dropped ticks.</summary>
    public long DroppedTicks => DroppedByReason.Values.Sum();

    /// <summary>Dropped ticks for one reason.</summary>
    public long Dropped(TickDropReason reason) => DroppedByReason.GetValueOrDefault(reason);

    /// <summary>Kept ticks carrying one flag.</summary>
    public long Flagged(TickFlags flag) => FlaggedByFlag.GetValueOrDefault(flag);

    /// <summary>Gaps where data is missing.</summary>
    public int MissingGaps => Gaps.Count(g => g.Kind == GapKind.Missing);

    /// <summary>Gaps explained by a weekend or holiday.</summary>
    public int ExpectedGaps => Gaps.Count(g => g.Kind == GapKind.ExpectedClosure);

    /// <summary>Seconds the market was expected open inside the missing gaps.</summary>
    public double MissingSeconds => Gaps.Where(g => g.Kind == GapKind.Missing).Sum(g => g.OpenMarketMicros) / 1e6;

    /// <summary>First kept tick as a UTC time.</summary>
    public DateTime? FirstTickUtc => FirstTickMicros is { } t ? TickTime.FromMicros(t) : null;

    /// <summary>Last kept tick as a UTC time.</summary>
    public DateTime? LastTickUtc => LastTickMicros is { } t ? TickTime.FromMicros(t) : null;
}
