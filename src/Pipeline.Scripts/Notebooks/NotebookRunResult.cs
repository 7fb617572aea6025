using Pipeline.Scripts.Notebooks.Engine;
using Pipeline.Scripts.Notebooks.Worker;

namespace Pipeline.Scripts.Notebooks;

/// <summary>How a run ended.</summary>
/// <param name="ExitCode">One of <see cref="RunExitCode"/>.</param>
/// <param name="OutputPath">The executed notebook.</param>
/// <param name="ExecutedCells">Code cells executed (failed one included).</param>
/// <param name="FailedCell">The index of the cell that stopped the run (before the error markers were inserted), or null.</param>
/// <param name="Error">That cell's error, or null.</param>
/// <param name="WorkerMemory">The worker's memory report at shutdown, when it shut down normally.</param>
public sealed record NotebookRunResult(int ExitCode, string OutputPath, int ExecutedCells, int? FailedCell, ErrorOutput? Error, ExitingMessage? WorkerMemory);
