using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Kernel.Execution;

/// <summary>How one execute request ended.</summary>
/// <param name="Status">Completed or failed.</param>
/// <param name="Error">Why it failed (also already published as an output, unless <paramref name="ErrorPublished"/> is false).</param>
/// <param name="ErrorPublished">False when the error came from the kernel itself (interrupt, worker crash) and still has to be published.</param>
/// <param name="StateLost">True when the cells' state is gone (the worker was stopped or crashed and a fresh one started).</param>
internal sealed record CellRunResult(CellStatus Status, ErrorOutput? Error = null, bool ErrorPublished = true, bool StateLost = false);
