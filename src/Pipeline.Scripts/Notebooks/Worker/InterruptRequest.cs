namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>
/// Parent → worker: stop the running cell at its next loop check (<see cref="Engine.CellInterrupt"/>), keeping the
/// notebook's state. Read on the worker's input thread, so it arrives while a cell runs.
/// </summary>
public sealed record InterruptRequest : WorkerMessage;
