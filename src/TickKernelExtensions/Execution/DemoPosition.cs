using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Execution;

/// <summary>An open position of the demo account (see <see cref="DemoExecutorState"/>).</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Id">Journal-unique id, 1, 2, … in fill order.</param>
/// <param name="Side">Long or short.</param>
/// <param name="Lots">Size in lots.</param>
/// <param name="EntryTime">Entry fill time, UTC µs.</param>
/// <param name="EntryPrice">Entry fill price, slippage included.</param>
public sealed record DemoPosition(string Symbol, long Id, TradeSide Side, double Lots, long EntryTime, double EntryPrice);
