namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>Text written to <c>Console.Out</c> (<c>stdout</c>) or <c>Console.Error</c> (<c>stderr</c>) during a cell.</summary>
/// <param name="Name"><see cref="StdOut"/> or <see cref="StdErr"/>.</param>
/// <param name="Text">The text as written, newlines included.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    /// <summary>The nbformat stream name of standard output.</summary>
    public const string StdOut = "stdout";

    /// <summary>The nbformat stream name of standard error.</summary>
    public const string StdErr = "stderr";
}
