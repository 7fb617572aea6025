namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>Worker → parent: the answer to <see cref="ShutdownRequest"/>, with the worker's memory use.</summary>
/// <param name="PeakWorkingSetBytes">Peak resident set size of the worker process (Linux <c>VmHWM</c>; elsewhere the current working set).</param>
/// <param name="WorkingSetBytes">Resident set size now.</param>
/// <param name="ManagedHeapBytes">Managed heap size after a full collection.</param>
public sealed record ExitingMessage(long PeakWorkingSetBytes, long WorkingSetBytes, long ManagedHeapBytes) : WorkerMessage;
