namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>Parent → worker: execute one cell.</summary>
/// <param name="Cell">The cell's index in the notebook, echoed in the answers.</param>
/// <param name="Id">The cell's id, for messages.</param>
/// <param name="Code">The cell's source.</param>
public sealed record ExecuteRequest(int Cell, string? Id, string Code) : WorkerMessage;
