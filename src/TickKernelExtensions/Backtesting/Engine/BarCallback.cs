using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>A per-bar strategy callback, made on the tick that closes <paramref name="bar"/>; the window ends at that tick.</summary>
public delegate void BarCallback(in Bar bar, in TickWindow window, Account account, OrderList orders);
