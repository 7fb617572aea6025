using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// Settings of <see cref="TickCleaner"/>. NaN, infinite and non-positive prices are always dropped (no mid can
/// be formed from them); crossed quotes, exact duplicates and spikes follow a <see cref="CleaningPolicy"/>.
/// Every property has a documented default; <see cref="Validate"/> reports every bad field in one message.
/// </summary>
public sealed record TickCleaningOptions
{
    /// <summary>The defaults.</summary>
    public static TickCleaningOptions Default { get; } = new();

    /// <summary>The defaults with the gap rules of an instrument (<see cref="GapDetectionOptions.For"/>: crypto never closes).</summary>
    public static TickCleaningOptions For(Instrument instrument) => new() { Gaps = GapDetectionOptions.For(instrument) };

    /// <summary>Ticks whose ask is below the bid (default <see cref="CleaningPolicy.Drop"/>: no tradable price).</summary>
    public CleaningPolicy CrossedQuotes { get; init; } = CleaningPolicy.Drop;

    /// <summary>
    /// Exact repeats of a kept tick: same timestamp, bid, ask and volumes (default <see cref="CleaningPolicy.Drop"/>).
    /// Several different ticks in one millisecond are normal for Dukascopy and are all kept.
    /// </summary>
    public CleaningPolicy Duplicates { get; init; } = CleaningPolicy.Drop;

    /// <summary>
    /// Ticks the robust spike filter rejects (default <see cref="CleaningPolicy.Flag"/>: a model can still decide,
    /// and a flagged tick never feeds the filter's own window).
    /// </summary>
    public CleaningPolicy Spikes { get; init; } = CleaningPolicy.Flag;

    /// <summary>
    /// Ticks in the causal window of the spike filter: the last accepted mids, whose median and median absolute
    /// deviation (MAD) judge the next tick (default 100; 8 to 100,000).
    /// </summary>
    public int SpikeWindow { get; init; } = 100;

    /// <summary>Accepted ticks the window needs before it judges anything (default 20; 3 to <see cref="SpikeWindow"/>).</summary>
    public int SpikeMinSamples { get; init; } = 20;

    /// <summary>
    /// A mid further than this many robust standard deviations (1.4826 × MAD) from the window median is a spike
    /// (default 10; above 0).
    /// </summary>
    public double SpikeThreshold { get; init; } = 10;

    /// <summary>
    /// Floor of the robust standard deviation, as a fraction of the median mid (default 5e-5: 0.55 pip on EURUSD at
    /// 1.1, so with the default threshold nothing under 5.5 pips is a spike), so a quiet window with a tiny MAD does
    /// not call the first ordinary move a spike; 0 to 0.1. With 2e-5 the real EURUSD fixture hour (2019-02-04 00h) has
    /// a 2.5-pip step that would be flagged.
    /// </summary>
    public double SpikeMinRelativeScale { get; init; } = 5e-5;

    /// <summary>
    /// Consecutive spikes on the same side, agreeing among themselves, after which the filter decides the level
    /// really moved: it restarts its window from them and accepts the last one (default 5; 1 to
    /// <see cref="SpikeWindow"/>). So a genuine level shift costs at most this many minus one flagged ticks.
    /// </summary>
    public int SpikeReanchorAfter { get; init; } = 5;

    /// <summary>
    /// A spread larger than this multiple of the rolling median spread (same window) sets
    /// <see cref="TickFlags.WideSpread"/> (default 10; at least 1; <see cref="double.PositiveInfinity"/> disables).
    /// </summary>
    public double WideSpreadMultiple { get; init; } = 10;

    /// <summary>
    /// A kept tick whose bid and ask equal those of the previous kept tick, unchanged for longer than this, is flagged
    /// <see cref="TickFlags.Stale"/> (default 5 minutes; 1 s to 1 day). The clock starts when the quote last changed.
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gap threshold and the session rule that tells closures from missing data (default <see cref="GapDetectionOptions.Default"/>).</summary>
    public GapDetectionOptions Gaps { get; init; } = GapDetectionOptions.Default;

    /// <summary>Throws a <see cref="MarketDataException"/> (<see cref="MarketDataErrorKind.InvalidOptions"/>) listing every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        CheckPolicy(errors, nameof(CrossedQuotes), CrossedQuotes);
        CheckPolicy(errors, nameof(Duplicates), Duplicates);
        CheckPolicy(errors, nameof(Spikes), Spikes);
        Check(errors, nameof(SpikeWindow), SpikeWindow, 8, 100_000);
        Check(errors, nameof(SpikeMinSamples), SpikeMinSamples, 3, Math.Max(3, SpikeWindow));
        Check(errors, nameof(SpikeReanchorAfter), SpikeReanchorAfter, 1, Math.Max(1, SpikeWindow));
        if (!(SpikeThreshold > 0) || double.IsInfinity(SpikeThreshold))
        {
            errors.Add(Invariant($"{nameof(SpikeThreshold)} is {SpikeThreshold}, expected a finite number above 0"));
        }
        if (!(SpikeMinRelativeScale >= 0 && SpikeMinRelativeScale <= 0.1))
        {
            errors.Add(Invariant($"{nameof(SpikeMinRelativeScale)} is {SpikeMinRelativeScale}, expected 0 to 0.1"));
        }
        if (!(WideSpreadMultiple >= 1))
        {
            errors.Add(Invariant($"{nameof(WideSpreadMultiple)} is {WideSpreadMultiple}, expected at least 1 (or +Infinity to disable)"));
        }
        if (StaleAfter < TimeSpan.FromSeconds(1) || StaleAfter > TimeSpan.FromDays(1))
        {
            errors.Add($"{nameof(StaleAfter)} is {StaleAfter}, expected 00:00:01 to 1.00:00:00");
        }
        if (Gaps is null)
        {
            errors.Add($"{nameof(Gaps)} is null, expected {nameof(GapDetectionOptions)}");
        }
        else
        {
            Gaps.AddErrors(errors, $"{nameof(Gaps)}.");
        }
        if (errors.Count > 0)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions, $"Invalid {nameof(TickCleaningOptions)}: {string.Join("; ", errors)}.");
        }
    }

    private static void CheckPolicy(List<string> errors, string name, CleaningPolicy value)
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add($"{name} is {(int)value}, expected Drop or Flag");
        }
    }

    private static void Check(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(Invariant($"{name} is {value:N0}, expected {min:N0} to {max:N0}"));
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
