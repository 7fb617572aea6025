using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// How gaps are found and classified. Pass one instance per instrument when instruments need different
/// thresholds (a quiet exotic pair or an index out of hours ticks less often than EURUSD).
/// </summary>
public sealed record GapDetectionOptions
{
    /// <summary>The defaults: 60 s threshold, the FX session rule.</summary>
    public static GapDetectionOptions Default { get; } = new();

    /// <summary>
    /// A stretch with no ticks counts as a gap when it is longer than this (default 60 s, suited to major FX
    /// pairs, which tick several times a second in liquid hours; 1 s to 1 day).
    /// </summary>
    public TimeSpan MinGap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Decides which parts of a gap are expected closures (default <see cref="TradingSessionRule.Default"/>: the FX
    /// week and 25 December / 1 January; use <see cref="TradingSessionRule.AlwaysOpen"/> for crypto).
    /// </summary>
    public TradingSessionRule Sessions { get; init; } = TradingSessionRule.Default;

    /// <summary>
    /// The defaults for an instrument: crypto trades every hour (<see cref="TradingSessionRule.AlwaysOpen"/>), everything
    /// else keeps the FX week of <see cref="TradingSessionRule.Default"/>; the threshold stays 60 s (override with
    /// <c>with { MinGap = … }</c> for instruments that tick less often).
    /// </summary>
    public static GapDetectionOptions For(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.AssetClass == AssetClass.Crypto ? new GapDetectionOptions { Sessions = TradingSessionRule.AlwaysOpen } : Default;
    }

    /// <summary>Throws a <see cref="MarketDataException"/> (<see cref="MarketDataErrorKind.InvalidOptions"/>) listing every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        AddErrors(errors, "");
        if (errors.Count > 0)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions, $"Invalid {nameof(GapDetectionOptions)}: {string.Join("; ", errors)}.");
        }
    }

    internal void AddErrors(List<string> errors, string prefix)
    {
        if (MinGap < TimeSpan.FromSeconds(1) || MinGap > TimeSpan.FromDays(1))
        {
            errors.Add($"{prefix}{nameof(MinGap)} is {MinGap}, expected 00:00:01 to 1.00:00:00");
        }
        if (Sessions is null)
        {
            errors.Add($"{prefix}{nameof(Sessions)} is null, expected a {nameof(TradingSessionRule)}");
        }
        else
        {
            Sessions.AddErrors(errors, $"{prefix}{nameof(Sessions)}.");
        }
    }
}
