namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>Parent → worker: answer with <see cref="ExitingMessage"/> and exit.</summary>
public sealed record ShutdownRequest : WorkerMessage;
