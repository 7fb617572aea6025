using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>Worker → parent: a cell finished; its outputs were all sent before this.</summary>
/// <param name="Cell">The cell's index.</param>
/// <param name="Status">Completed or failed.</param>
/// <param name="ExecutionCount">The cell's execution count.</param>
public sealed record CompletedMessage(int Cell, CellStatus Status, int ExecutionCount) : WorkerMessage;
