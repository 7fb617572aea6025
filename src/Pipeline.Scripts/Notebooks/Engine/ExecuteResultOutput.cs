namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>The value of a cell's trailing expression (no semicolon); <c>null</c> is a value too.</summary>
/// <param name="Data">The value formatted for each MIME type.</param>
/// <param name="ExecutionCount">The execution count of the cell that produced it.</param>
public sealed record ExecuteResultOutput(MimeBundle Data, int ExecutionCount) : CellOutput;
