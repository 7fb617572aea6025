namespace Pipeline.Scripts.Notebooks;

/// <summary>What went wrong around a notebook run, as a machine-readable kind.</summary>
public enum NotebookErrorKind
{
    /// <summary>Bad arguments: unknown option values, unknown parameters, values that do not convert.</summary>
    Usage,

    /// <summary>The notebook (or a parameters file) cannot be read or written.</summary>
    Io,

    /// <summary>The notebook is not valid nbformat 4 JSON.</summary>
    InvalidNotebook,

    /// <summary>The worker process could not be started or broke the protocol.</summary>
    Worker,
}
