using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// A strategy the tick engine drives. It declares what it wants in <see cref="Feed"/>: <see cref="OnTick"/> on every
/// tick and/or <see cref="OnBar"/> on every closed bar (built by <see cref="TimeBarBuilder"/> with <see cref="BarOptions"/>
/// as the ticks arrive). Each callback gets a <see cref="TickWindow"/> that ends at the current tick, the
/// <see cref="Account"/>, and an <see cref="OrderList"/> to put its orders in; the orders' decision time is the current
/// tick's time, and they fill no earlier than the first tick strictly after decision + latency. A bar is delivered on
/// the tick that closes it (the first tick at or after its end), so that tick is the clock and the last tick of the
/// window. One instance per run: <see cref="OnStart"/> is where state is reset.
/// </summary>
public abstract class BacktestStrategy
{
    /// <summary>The callbacks wanted; default <see cref="StrategyFeed.Ticks"/>.</summary>
    public virtual StrategyFeed Feed => StrategyFeed.Ticks;

    /// <summary>Bars for <see cref="OnBar"/>; default one-minute UTC bars, empty minutes skipped.</summary>
    public virtual TimeBarOptions BarOptions => new();

    /// <summary>Called once before the first tick.</summary>
    public virtual void OnStart(BacktestStart start) { }

    /// <summary>Called on every tick when <see cref="Feed"/> has <see cref="StrategyFeed.Ticks"/>.</summary>
    public virtual void OnTick(in TickWindow window, Account account, OrderList orders) { }

    /// <summary>Called for every closed bar when <see cref="Feed"/> has <see cref="StrategyFeed.Bars"/>, before <see cref="OnTick"/> of the same tick.</summary>
    public virtual void OnBar(in Bar bar, in TickWindow window, Account account, OrderList orders) { }
}
