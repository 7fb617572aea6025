using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>Worker → parent: one output of a cell, sent as it happens (also after the cell completed, for work it left running).</summary>
/// <param name="Cell">The index of the cell that produced it.</param>
/// <param name="Output">The output.</param>
public sealed record OutputMessage(int Cell, CellOutput Output) : WorkerMessage;
