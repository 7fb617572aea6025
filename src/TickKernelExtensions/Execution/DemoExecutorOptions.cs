using TickKernelExtensions.Backtesting.Engine;

namespace TickKernelExtensions.Execution;

/// <summary>
/// Settings of a <see cref="DemoExecutor"/>: the account and fill model are the backtester's own
/// (<see cref="BacktestOptions"/>: initial balance, account currency, latency and seeded jitter, slippage, commission,
/// sizing, contract, conversion rate), signals become orders as in <see cref="SignalTrading"/>, and
/// <see cref="DemoRiskLimits"/> gate them. Not supported yet (refused by <see cref="Validate"/>, never silently
/// ignored): swap, stop-loss and take-profit distances, fixed-fraction sizing. Margin is not simulated: exposure is
/// bounded by the risk limits instead. Immutable.
/// </summary>
public sealed record DemoExecutorOptions
{
    /// <summary>The account and the fill model; default <see cref="BacktestOptions.Default"/>.</summary>
    public BacktestOptions Backtest { get; init; } = BacktestOptions.Default;

    /// <summary>How a signal becomes orders; default <see cref="SignalTrading.Default"/>.</summary>
    public SignalTrading Trading { get; init; } = SignalTrading.Default;

    /// <summary>Pre-trade limits; default <see cref="DemoRiskLimits.Default"/>.</summary>
    public DemoRiskLimits Risk { get; init; } = DemoRiskLimits.Default;

    /// <summary>The defaults.</summary>
    public static DemoExecutorOptions Default { get; } = new();

    /// <summary>Checks every field and reports all problems in one <see cref="ExecutionException"/> (InvalidOptions).</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Backtest is null || Trading is null || Risk is null)
        {
            errors.Add($"{nameof(Backtest)}, {nameof(Trading)} and {nameof(Risk)} must not be null");
            throw ExecutionException.InvalidOptions("demo executor options", errors);
        }
        try
        {
            Backtest.Validate();
        }
        catch (BacktestException e)
        {
            errors.Add(e.Message);
        }
        Trading.Validate(errors, nameof(Trading));
        Risk.Validate(errors, nameof(Risk));
        if (Backtest.SwapLongPerLot != 0 || Backtest.SwapShortPerLot != 0)
        {
            errors.Add($"{nameof(Backtest)}.Swap*PerLot must be 0: the demo executor does not charge swap yet");
        }
        if (Backtest.Sizing is { Kind: not SizingKind.FixedLots })
        {
            errors.Add($"{nameof(Backtest)}.{nameof(BacktestOptions.Sizing)} must be fixed lots: the demo executor does not size by risk yet");
        }
        if (!double.IsNaN(Trading.StopLossDistance) || !double.IsNaN(Trading.TakeProfitDistance))
        {
            errors.Add($"{nameof(Trading)}.StopLossDistance and TakeProfitDistance must be NaN: the demo executor has no stops yet");
        }
        if (errors.Count > 0)
        {
            throw ExecutionException.InvalidOptions("demo executor options", errors);
        }
    }
}
