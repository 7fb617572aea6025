namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>Which callbacks a <see cref="BacktestStrategy"/> wants; the engine calls nothing it did not ask for.</summary>
[Flags]
public enum StrategyFeed
{
    /// <summary>No callbacks (a strategy that only reacts at start).</summary>
    None = 0,
    /// <summary><see cref="BacktestStrategy.OnTick"/> on every tick.</summary>
    Ticks = 1,
    /// <summary><see cref="BacktestStrategy.OnBar"/> on every closed bar.</summary>
    Bars = 2,
}
