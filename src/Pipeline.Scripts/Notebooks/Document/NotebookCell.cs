using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Notebooks.Document;

/// <summary>
/// One cell of a <see cref="NotebookDocument"/>: a view over its JSON object, so keys the runner
/// does not know (VS Code's <c>vscode</c>, Polyglot's <c>polyglot_notebook</c>, attachments) and
/// their order survive a run.
/// </summary>
public sealed class NotebookCell
{
    /// <summary>The kernel name Polyglot writes for C# cells.</summary>
    public const string CSharpKernel = "csharp";

    internal NotebookCell(JsonObject json) => Json = json;

    /// <summary>The cell's JSON object.</summary>
    public JsonObject Json { get; }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => Json["cell_type"]!.GetValue<string>();

    /// <summary>True for a code cell.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell id, or null when the cell has none (nbformat before 4.5).</summary>
    public string? Id
    {
        get => Json["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        set => Json["id"] = value;
    }

    /// <summary>The cell's source text.</summary>
    public string Source => NotebookJson.Text(Json["source"]);

    /// <summary>The cell's metadata object, created when missing.</summary>
    public JsonObject Metadata
    {
        get
        {
            if (Json["metadata"] is JsonObject metadata)
            {
                return metadata;
            }
            var created = new JsonObject();
            Json["metadata"] = created;
            return created;
        }
    }

    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags => Json["metadata"]?["tags"] is JsonArray tags
        ? tags.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList()
        : [];

    /// <summary>
    /// The Polyglot kernel of a code cell: <c>metadata.polyglot_notebook.kernelName</c>, else
    /// <c>metadata.dotnet_interactive.language</c>, else <see cref="CSharpKernel"/> (plain Jupyter notebooks).
    /// </summary>
    public string KernelName =>
        (Json["metadata"]?["polyglot_notebook"]?["kernelName"] as JsonValue)?.GetValue<string>()
        ?? (Json["metadata"]?["dotnet_interactive"]?["language"] as JsonValue)?.GetValue<string>()
        ?? CSharpKernel;

    /// <summary>True when the cell carries <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag);

    /// <summary>Sets <c>execution_count</c> (null to clear) on a code cell.</summary>
    public void SetExecutionCount(int? count) => Json["execution_count"] = count;

    /// <summary>Replaces the outputs of a code cell.</summary>
    public void SetOutputs(JsonArray outputs) => Json["outputs"] = outputs;

    /// <summary>A new C# code cell in Polyglot's shape, keys in Jupyter's (sorted) order.</summary>
    public static NotebookCell NewCode(string id, string source, params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = CSharpKernel },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = CSharpKernel },
        };
        if (tags.Length > 0)
        {
            metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        }
        return new NotebookCell(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = id,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = NotebookJson.Lines(source),
        });
    }

    /// <summary>A new markdown cell, keys in Jupyter's order.</summary>
    public static NotebookCell NewMarkdown(string id, string source, params string[] tags)
    {
        var metadata = new JsonObject();
        if (tags.Length > 0)
        {
            metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        }
        return new NotebookCell(new JsonObject
        {
            ["cell_type"] = "markdown",
            ["id"] = id,
            ["metadata"] = metadata,
            ["source"] = NotebookJson.Lines(source),
        });
    }
}
