using System.Globalization;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// Account, execution and cost settings of a tick backtest. Every figure in account currency is in
/// <see cref="AccountCurrency"/>. Validated when the run starts; every bad field is reported in one
/// <see cref="BacktestException"/> (InvalidOptions). Immutable; reuse across runs and symbols.
/// </summary>
public sealed record BacktestOptions
{
    /// <summary>Starting balance; default 10,000.</summary>
    public double InitialBalance { get; init; } = 10_000;

    /// <summary>Currency of the balance and of every result; default <c>USD</c>.</summary>
    public string AccountCurrency { get; init; } = "USD";

    /// <summary>Notional / margin; default 50 (LEAN's FX default). Margin required = notional in account currency / leverage.</summary>
    public double Leverage { get; init; } = 50;

    /// <summary>
    /// Margin call when equity / used margin falls below this (0.5 = 50 %, the default). Positions are then closed one
    /// at a time, largest loss first, until the level is met again or none is left.
    /// </summary>
    public double StopOutLevel { get; init; } = 0.5;

    /// <summary>Decision → order arrival delay; default zero. Fills happen on the first tick strictly after the arrival.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Extra delay drawn uniformly from [0, jitter] µs per order from a generator seeded by <see cref="Seed"/>; default zero.</summary>
    public TimeSpan LatencyJitter { get; init; } = TimeSpan.Zero;

    /// <summary>Seed of the latency jitter; the same seed and inputs give the same run.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Slippage on market-type fills; default none.</summary>
    public SlippageModel Slippage { get; init; } = SlippageModel.None;

    /// <summary>Commission per lot per side (entry and exit each pay it); default 0.</summary>
    public double CommissionPerLot { get; init; }

    /// <summary>Swap per lot per night held long (positive = paid, negative = earned); default 0.</summary>
    public double SwapLongPerLot { get; init; }

    /// <summary>Swap per lot per night held short (positive = paid, negative = earned); default 0.</summary>
    public double SwapShortPerLot { get; init; }

    /// <summary>When swap is charged; default 17:00 New York, triple on Wednesday.</summary>
    public RolloverSchedule Rollover { get; init; } = RolloverSchedule.Default;

    /// <summary>Size of entry orders that do not state lots; default 1 lot.</summary>
    public PositionSizing Sizing { get; init; } = PositionSizing.FixedLots(1);

    /// <summary>The contract; null (default) derives it from the catalogue entry with <see cref="ContractSpec.For"/>.</summary>
    public ContractSpec? Contract { get; init; }

    /// <summary>
    /// Fixed quote → account currency rate, required only when neither currency of the instrument is the account
    /// currency (e.g. EURJPY on a USD account). Null (default): quote = account → 1; base = account (USDJPY) → 1 / the
    /// instrument's own mid at the moment of conversion.
    /// </summary>
    public double? QuoteToAccountRate { get; init; }

    /// <summary>Also sample equity every this many ticks (besides every fill, rollover and bar); default 10,000, 0 = never.</summary>
    public int EquityEveryTicks { get; init; } = 10_000;

    /// <summary>Close open positions at the last tick (exit reason <c>end-of-data</c>); default true.</summary>
    public bool CloseAtEnd { get; init; } = true;

    /// <summary>
    /// The reference path: run the event checks (stops, limits, arrivals, expiries, rollovers) on every tick instead of
    /// only when a precomputed trigger is crossed. Results must be identical; a test compares both. Tests only.
    /// </summary>
    internal bool CheckEveryTick { get; init; }

    /// <summary>The defaults.</summary>
    public static BacktestOptions Default { get; } = new();

    /// <summary>Checks every field and reports all problems in one <see cref="BacktestException"/> (InvalidOptions).</summary>
    public void Validate()
    {
        var errors = new List<string>();
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (!(InitialBalance > 0 && double.IsFinite(InitialBalance)))
        {
            errors.Add($"{nameof(InitialBalance)} must be positive and finite, was {F(InitialBalance)}");
        }
        if (string.IsNullOrWhiteSpace(AccountCurrency))
        {
            errors.Add($"{nameof(AccountCurrency)} must not be empty");
        }
        if (!(Leverage >= 1 && double.IsFinite(Leverage)))
        {
            errors.Add($"{nameof(Leverage)} must be finite and ≥ 1, was {F(Leverage)}");
        }
        if (!(StopOutLevel >= 0 && double.IsFinite(StopOutLevel)))
        {
            errors.Add($"{nameof(StopOutLevel)} must be finite and ≥ 0, was {F(StopOutLevel)}");
        }
        if (Latency < TimeSpan.Zero || Latency.Ticks % 10 != 0)
        {
            errors.Add($"{nameof(Latency)} must be ≥ 0 and whole microseconds, was {Latency}");
        }
        if (LatencyJitter < TimeSpan.Zero || LatencyJitter.Ticks % 10 != 0)
        {
            errors.Add($"{nameof(LatencyJitter)} must be ≥ 0 and whole microseconds, was {LatencyJitter}");
        }
        if (!(CommissionPerLot >= 0 && double.IsFinite(CommissionPerLot)))
        {
            errors.Add($"{nameof(CommissionPerLot)} must be finite and ≥ 0, was {F(CommissionPerLot)}");
        }
        if (!double.IsFinite(SwapLongPerLot))
        {
            errors.Add($"{nameof(SwapLongPerLot)} must be finite, was {F(SwapLongPerLot)}");
        }
        if (!double.IsFinite(SwapShortPerLot))
        {
            errors.Add($"{nameof(SwapShortPerLot)} must be finite, was {F(SwapShortPerLot)}");
        }
        if (QuoteToAccountRate is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            errors.Add($"{nameof(QuoteToAccountRate)} must be positive, was {F(rate)}");
        }
        if (EquityEveryTicks < 0)
        {
            errors.Add($"{nameof(EquityEveryTicks)} must be ≥ 0, was {EquityEveryTicks}");
        }
        Check(errors, Slippage, nameof(Slippage), s => s.Validate(errors, nameof(Slippage)));
        Check(errors, Sizing, nameof(Sizing), s => s.Validate(errors, nameof(Sizing)));
        Check(errors, Rollover, nameof(Rollover), r => r.Validate(errors, nameof(Rollover)));
        Contract?.Validate(errors, nameof(Contract));
        if (errors.Count > 0)
        {
            throw BacktestException.InvalidOptions("backtest options", errors);
        }
    }

    private static void Check<T>(List<string> errors, T? value, string name, Action<T> validate)
        where T : class
    {
        if (value is null)
        {
            errors.Add($"{name} must not be null");
        }
        else
        {
            validate(value);
        }
    }
}
