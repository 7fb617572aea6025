namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>Worker → parent: started and waiting for cells.</summary>
/// <param name="ProcessId">The worker's process id.</param>
public sealed record ReadyMessage(int ProcessId) : WorkerMessage;
