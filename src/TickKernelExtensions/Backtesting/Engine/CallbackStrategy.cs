using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// A plain strategy from callbacks (a notebook cell, a test): ticks when <c>onTick</c> is given, bars when
/// <c>onBar</c> is. State lives in the callbacks' closures, so build a new instance (and closures) per run.
/// </summary>
public sealed class CallbackStrategy : BacktestStrategy
{
    private readonly TickCallback? _onTick;
    private readonly BarCallback? _onBar;
    private readonly TimeBarOptions _bars;

    /// <summary>A strategy calling <paramref name="onTick"/> per tick and/or <paramref name="onBar"/> per closed bar (<paramref name="bars"/>, default one minute).</summary>
    public CallbackStrategy(TickCallback? onTick = null, BarCallback? onBar = null, TimeBarOptions? bars = null)
    {
        if (onTick is null && onBar is null)
        {
            throw new ArgumentException("Give a tick callback, a bar callback or both.", nameof(onTick));
        }
        (_onTick, _onBar, _bars) = (onTick, onBar, bars ?? new TimeBarOptions());
    }

    /// <inheritdoc />
    public override StrategyFeed Feed => (_onTick is null ? StrategyFeed.None : StrategyFeed.Ticks) | (_onBar is null ? StrategyFeed.None : StrategyFeed.Bars);

    /// <inheritdoc />
    public override TimeBarOptions BarOptions => _bars;

    /// <inheritdoc />
    public override void OnTick(in TickWindow window, Account account, OrderList orders) => _onTick!(window, account, orders);

    /// <inheritdoc />
    public override void OnBar(in Bar bar, in TickWindow window, Account account, OrderList orders) => _onBar!(bar, window, account, orders);
}
