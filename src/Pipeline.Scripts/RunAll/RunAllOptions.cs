using Pipeline.Scripts.Notebooks.Parameters;

namespace Pipeline.Scripts.RunAll;

/// <summary>
/// One run of the notebook chain: every <c>NN-name.ipynb</c> in <see cref="NotebooksDirectory"/>, in name order,
/// into <see cref="OutputDirectory"/>.
/// </summary>
internal sealed record RunAllOptions
{
    /// <summary>Where the stage notebooks are. Default <c>notebooks</c>.</summary>
    public string NotebooksDirectory { get; init; } = "notebooks";

    /// <summary>Where executed notebooks, HTML reports and the summary go. Default <c>artifacts/run</c>.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("artifacts", "run");

    /// <summary>Start the chain at this notebook (name with or without <c>.ipynb</c>, or its number prefix, e.g. <c>03</c>).</summary>
    public string? From { get; init; }

    /// <summary>Run only these notebooks (same matching as <see cref="From"/>).</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Parameters for the chain: each goes to every notebook that declares it; one no notebook declares is an error.</summary>
    public IReadOnlyList<RawParameter> Parameters { get; init; } = [];

    /// <summary>Per-cell timeout, as in <c>pipeline run</c>.</summary>
    public TimeSpan? ExecutionTimeout { get; init; }

    /// <summary>Echo cell output live.</summary>
    public bool LogOutput { get; init; }

    /// <summary>Keep going after a failed notebook (later ones usually depend on it, so the default stops).</summary>
    public bool KeepGoing { get; init; }
}
