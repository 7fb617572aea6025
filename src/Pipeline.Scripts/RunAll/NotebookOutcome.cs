using System.Text.Json.Nodes;

namespace Pipeline.Scripts.RunAll;

/// <summary>What happened to one notebook of the chain.</summary>
/// <param name="Name">The notebook's file name without extension, e.g. <c>01-ingest</c>.</param>
/// <param name="Status">completed, failed, timed out, skipped (not reached after a failure).</param>
/// <param name="ExitCode">The runner's exit code (0, 1 cell error, 2 timeout, 3 usage), or null when not run.</param>
/// <param name="Duration">Wall time of the notebook.</param>
/// <param name="ExecutedNotebook">The executed notebook, relative to the output folder.</param>
/// <param name="Report">The offline HTML report, relative to the output folder.</param>
/// <param name="Error">The failing cell's error, when it failed.</param>
/// <param name="KeyFigures">The key figures the notebook reported (title and figures), possibly several.</param>
internal sealed record NotebookOutcome(
    string Name, string Status, int? ExitCode, TimeSpan Duration, string? ExecutedNotebook, string? Report, string? Error,
    IReadOnlyList<JsonObject> KeyFigures);
