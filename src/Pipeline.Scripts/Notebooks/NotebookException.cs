namespace Pipeline.Scripts.Notebooks;

/// <summary>
/// An error of the notebook runner outside the cells' own code: bad arguments, an unreadable or
/// invalid notebook, a worker that could not start. The message names the file, cell or parameter,
/// what was expected and what was found.
/// </summary>
public sealed class NotebookException : Exception
{
    /// <summary>An error of <paramref name="kind"/>.</summary>
    public NotebookException(NotebookErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>What kind of error this is.</summary>
    public NotebookErrorKind Kind { get; }
}
