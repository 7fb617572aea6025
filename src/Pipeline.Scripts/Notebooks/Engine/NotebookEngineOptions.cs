namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>How <see cref="NotebookEngine"/> compiles cells.</summary>
public sealed record NotebookEngineOptions
{
    /// <summary>
    /// The imports of .NET Interactive's C# kernel (<c>System</c>, <c>System.Text</c>,
    /// <c>System.Collections</c>, <c>System.Collections.Generic</c>, <c>System.Threading.Tasks</c>,
    /// <c>System.Linq</c>) plus <c>System.IO</c>, handy for notebooks that read and write files. A
    /// notebook that must also run in VS Code should still write <c>using System.IO;</c> itself.
    /// </summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq", "System.IO"];

    /// <summary>
    /// Framework assemblies referenced by name besides Roslyn's default set (which lacks System.Linq,
    /// System.Net.Http, System.Text.Json and others that notebooks use every day; without these a cell
    /// could use them only when some other referenced assembly happened to pull them in).
    /// </summary>
    public static IReadOnlyList<string> DefaultReferences { get; } =
    [
        "System.Linq", "System.Linq.Expressions", "System.Collections.Immutable", "System.Memory", "System.Runtime.Numerics",
        "System.Net.Http", "System.Net.Primitives", "System.Text.Json", "System.IO.Compression", "System.Security.Cryptography",
        "System.Xml.ReaderWriter", "System.Xml.XDocument", "System.ComponentModel.Primitives", "System.Data.Common",
    ];

    /// <summary>
    /// The folder that relative <c>#r</c> and <c>#load</c> paths resolve against: the notebook's
    /// folder, or <c>--cwd</c>. Required; must exist.
    /// </summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Assemblies referenced by name (resolved from the running framework). Default: <see cref="DefaultReferences"/>.</summary>
    public IReadOnlyList<string> References { get; init; } = DefaultReferences;

    /// <summary>Namespaces imported into every cell. Default: <see cref="DefaultImports"/>.</summary>
    public IReadOnlyList<string> Imports { get; init; } = DefaultImports;

    /// <summary>
    /// Emits debug information for each cell, so stack traces name the cell's line
    /// (<c>at Submission#2.… in cell-5:line 3</c>). Default: true; costs a little compile time per cell.
    /// </summary>
    public bool EmitDebugInformation { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid field.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(BaseDirectory))
        {
            problems.Add("BaseDirectory: expected a folder, got an empty value");
        }
        else if (!Directory.Exists(BaseDirectory))
        {
            problems.Add($"BaseDirectory: expected an existing folder, got '{BaseDirectory}'");
        }
        foreach (var import in Imports.Where(i => string.IsNullOrWhiteSpace(i) || i.Any(char.IsWhiteSpace)))
        {
            problems.Add($"Imports: expected namespace names, got '{import}'");
        }
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid notebook engine options: " + string.Join("; ", problems) + ".");
        }
    }
}
