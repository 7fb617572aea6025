using System.Globalization;

namespace TickKernelExtensions.Execution;

/// <summary>
/// Pre-trade limits of the demo executor. A signal that breaks one is not acted on and is journaled as
/// <c>signal-rejected</c> with the reason. Times are the ticks' clock (the symbol's last tick), never the wall clock.
/// Flat signals reduce risk: only <see cref="AllowedSymbols"/> and <see cref="MaxSignalAge"/> apply to them. Immutable.
/// </summary>
public sealed record DemoRiskLimits
{
    /// <summary>Symbols the executor may trade (catalogue spelling); null (default) = every catalogue instrument.</summary>
    public IReadOnlyList<string>? AllowedSymbols { get; init; }

    /// <summary>Largest size of one position in lots; default 10.</summary>
    public double MaxLotsPerPosition { get; init; } = 10;

    /// <summary>
    /// Most symbols with an open position or a pending entry at once; a buy or sell that would add another symbol is
    /// rejected (reversing the signal's own symbol does not count). Default 5.
    /// </summary>
    public int MaxOpenPositions { get; init; } = 5;

    /// <summary>Most orders submitted in any 60-second window of decision times (all symbols); default 30.</summary>
    public int MaxOrdersPerMinute { get; init; } = 30;

    /// <summary>
    /// Once the realised net result of the UTC day (trades closed that day, commission included) is at or below minus
    /// this, no new position is opened until the next UTC day; account currency, default +∞ (none).
    /// </summary>
    public double MaxDailyLoss { get; init; } = double.PositiveInfinity;

    /// <summary>A signal older than this (decision time − signal time) is rejected as stale; default 1 minute.</summary>
    public TimeSpan MaxSignalAge { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The defaults.</summary>
    public static DemoRiskLimits Default { get; } = new();

    internal bool Allows(string symbol) =>
        AllowedSymbols is null || AllowedSymbols.Any(s => string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase));

    internal void Validate(List<string> errors, string prefix)
    {
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (AllowedSymbols is not null && AllowedSymbols.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{prefix}.{nameof(AllowedSymbols)} must not hold empty symbols");
        }
        if (!(MaxLotsPerPosition > 0) || double.IsNaN(MaxLotsPerPosition))
        {
            errors.Add($"{prefix}.{nameof(MaxLotsPerPosition)} must be positive, was {F(MaxLotsPerPosition)}");
        }
        if (MaxOpenPositions < 1)
        {
            errors.Add($"{prefix}.{nameof(MaxOpenPositions)} must be ≥ 1, was {MaxOpenPositions}");
        }
        if (MaxOrdersPerMinute < 1)
        {
            errors.Add($"{prefix}.{nameof(MaxOrdersPerMinute)} must be ≥ 1, was {MaxOrdersPerMinute}");
        }
        if (!(MaxDailyLoss > 0))
        {
            errors.Add($"{prefix}.{nameof(MaxDailyLoss)} must be positive (+∞ for none), was {F(MaxDailyLoss)}");
        }
        if (MaxSignalAge < TimeSpan.Zero)
        {
            errors.Add($"{prefix}.{nameof(MaxSignalAge)} must be ≥ 0, was {MaxSignalAge}");
        }
    }
}
