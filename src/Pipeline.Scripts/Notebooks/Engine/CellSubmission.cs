namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>One cell's code, as handed to <see cref="NotebookEngine.ExecuteAsync"/>.</summary>
/// <param name="Index">The cell's position in its notebook (0-based), used in messages.</param>
/// <param name="Id">The nbformat cell id, when the cell has one; used in messages.</param>
/// <param name="Code">The C# source, possibly starting with <c>#!csharp</c>, <c>#r</c> or <c>#load</c> lines.</param>
public sealed record CellSubmission(int Index, string? Id, string Code)
{
    /// <summary>"cell 3 (id setup)": how messages name this cell.</summary>
    public string Describe() => Id is null ? $"cell {Index}" : $"cell {Index} (id {Id})";
}
