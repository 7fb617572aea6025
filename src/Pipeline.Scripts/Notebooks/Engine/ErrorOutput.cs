namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>Why a cell failed, in nbformat's error shape.</summary>
/// <param name="EName">The exception's type name, <c>CompilationError</c>, or one of the runner's own names (<see cref="CellErrors"/>).</param>
/// <param name="EValue">The message.</param>
/// <param name="Traceback">Lines to show, without trailing newlines: the stack trace, or one line per compiler diagnostic.</param>
public sealed record ErrorOutput(
    [property: System.Text.Json.Serialization.JsonPropertyName("ename")] string EName,
    [property: System.Text.Json.Serialization.JsonPropertyName("evalue")] string EValue,
    IReadOnlyList<string> Traceback) : CellOutput;
