namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>The end of one cell's execution.</summary>
/// <param name="Status">Completed or failed.</param>
/// <param name="ExecutionCount">The cell's execution count (1 for the first cell the engine executed).</param>
/// <param name="Error">Why it failed; also published to the sink as the cell's last output.</param>
public sealed record CellOutcome(CellStatus Status, int ExecutionCount, ErrorOutput? Error = null);
