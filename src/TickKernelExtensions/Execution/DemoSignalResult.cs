namespace TickKernelExtensions.Execution;

/// <summary>The answer of <see cref="DemoExecutor.OnSignal"/>.</summary>
/// <param name="SignalId">The signal's id (<c>Mt5SignalExport.IdOf</c>).</param>
/// <param name="Status">What was done.</param>
/// <param name="Reason">Why it was rejected or skipped; null otherwise.</param>
/// <param name="Records">The journal records written (and flushed to disk) for it; empty for a duplicate.</param>
public sealed record DemoSignalResult(string SignalId, SignalStatus Status, string? Reason, IReadOnlyList<ExecutionRecord> Records);
