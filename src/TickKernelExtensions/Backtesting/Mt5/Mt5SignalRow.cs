using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>One row of a signal file: the signal's stable id (what the EA de-duplicates on) and the signal, times in UTC.</summary>
/// <param name="Id">16 lower-case hex digits, <see cref="Mt5SignalExport.IdOf"/> of the signal as exported.</param>
/// <param name="Signal">The signal; read back, its times carry the file's millisecond resolution.</param>
public sealed record Mt5SignalRow(string Id, TradeSignal Signal);
