using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Notebooks;

/// <summary>How one code cell ended, as the runner saw it.</summary>
/// <param name="Failed">True when the cell failed (error output, timeout, dead worker).</param>
/// <param name="ExecutionCount">The cell's execution count, or null when it never reached the engine.</param>
/// <param name="Error">The error output, when it failed.</param>
/// <param name="TimedOut">True when it was stopped by the execution timeout.</param>
internal sealed record CellResult(bool Failed, int? ExecutionCount, ErrorOutput? Error, bool TimedOut = false);
