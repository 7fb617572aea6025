namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>A per-tick strategy callback: the window ends at the current tick; put orders in <paramref name="orders"/>.</summary>
public delegate void TickCallback(in TickWindow window, Account account, OrderList orders);
