using Pipeline.Scripts.Notebooks.Parameters;

namespace Pipeline.Scripts.Notebooks;

/// <summary>What <see cref="NotebookRunner"/> runs and how (the options of <c>pipeline run</c>).</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The suffix of the default output: <c>nb.ipynb</c> → <c>nb.executed.ipynb</c> beside it.</summary>
    public const string ExecutedSuffix = ".executed.ipynb";

    /// <summary>The notebook to run. Required; never overwritten unless <see cref="OutputPath"/> names it.</summary>
    public required string InputPath { get; init; }

    /// <summary>Where the executed notebook is written. Default: <c>&lt;name&gt;.executed.ipynb</c> beside the input.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Parameter values, already merged (<see cref="ParameterSources"/>). Default: none.</summary>
    public IReadOnlyList<RawParameter> Parameters { get; init; } = [];

    /// <summary>The worker's current directory, against which relative <c>#r</c>/<c>#load</c> paths and file paths in cells resolve. Default: the input notebook's folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How long one cell may run before its worker is killed and the run fails with exit code 2. Default: no limit.</summary>
    public TimeSpan? ExecutionTimeout { get; init; }

    /// <summary>How long the worker may take to start. Default: 60 s (papermill's <c>--start-timeout</c>).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>During a long cell, the notebook is saved when outputs arrive and the last save is older than this. Default: 30 s (papermill's <c>--autosave-cell-every</c>).</summary>
    public TimeSpan AutosaveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Echo cells' outputs to the console as they are produced. Default: false.</summary>
    public bool LogOutput { get; init; }

    /// <summary>Inject the parameters and write the output without executing. Default: false.</summary>
    public bool PrepareOnly { get; init; }

    /// <summary>The output path, defaulted.</summary>
    public string EffectiveOutputPath => OutputPath ?? DefaultOutputPath(InputPath);

    /// <summary>The working directory, defaulted.</summary>
    public string EffectiveWorkingDirectory => Path.GetFullPath(WorkingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(InputPath))!);

    /// <summary>The default output path of <paramref name="input"/>.</summary>
    public static string DefaultOutputPath(string input)
    {
        var name = Path.GetFileName(input);
        var stem = name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? name[..^".ipynb".Length] : name;
        return Path.Combine(Path.GetDirectoryName(input) ?? "", stem + ExecutedSuffix);
    }

    /// <summary>Throws <see cref="NotebookException"/> (<see cref="NotebookErrorKind.Usage"/>) naming every invalid option at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(InputPath))
        {
            problems.Add("input notebook: expected a path, got nothing");
        }
        else if (!File.Exists(InputPath) && !InputPath.StartsWith('-'))
        {
            problems.Add($"input notebook: expected an existing file, got '{InputPath}'");
        }
        foreach (var (what, path) in new[] { ("input notebook", InputPath), ("output notebook", OutputPath) })
        {
            // System.CommandLine hands an unknown --option to a free positional argument; never write a file named like one.
            if (path is not null && path.StartsWith('-'))
            {
                problems.Add($"{what}: '{path}' looks like an option, not a file (unknown option?); write ./{path} for a file whose name starts with '-'");
            }
        }
        if (WorkingDirectory is not null && !Directory.Exists(WorkingDirectory))
        {
            problems.Add($"--cwd: expected an existing folder, got '{WorkingDirectory}'");
        }
        if (ExecutionTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            problems.Add($"--execution-timeout: expected a positive number of seconds, got {timeout.TotalSeconds}");
        }
        if (StartTimeout <= TimeSpan.Zero)
        {
            problems.Add($"--start-timeout: expected a positive number of seconds, got {StartTimeout.TotalSeconds}");
        }
        if (AutosaveInterval <= TimeSpan.Zero)
        {
            problems.Add($"autosave interval: expected a positive duration, got {AutosaveInterval}");
        }
        if (problems.Count > 0)
        {
            throw new NotebookException(NotebookErrorKind.Usage, string.Join(Environment.NewLine, problems));
        }
    }
}
