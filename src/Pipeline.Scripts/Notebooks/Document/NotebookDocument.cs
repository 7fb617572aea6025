using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Notebooks.Document;

/// <summary>
/// An nbformat 4 notebook held as its JSON tree, so unknown keys, their order and the Polyglot
/// metadata survive a run. Checked when loaded (the errors name the file, the cell, the field, the
/// expected and the actual value) and written as Jupyter writes (see <see cref="NotebookJson"/>).
/// </summary>
public sealed class NotebookDocument
{
    private readonly JsonObject _root;
    private readonly JsonArray _cellsJson;
    private readonly List<NotebookCell> _cells;

    private NotebookDocument(JsonObject root, JsonArray cellsJson)
    {
        _root = root;
        _cellsJson = cellsJson;
        _cells = cellsJson.Select(c => new NotebookCell((JsonObject)c!)).ToList();
    }

    /// <summary>The cells, in order.</summary>
    public IReadOnlyList<NotebookCell> Cells => _cells;

    /// <summary>The notebook's metadata object.</summary>
    public JsonObject Metadata => (JsonObject)_root["metadata"]!;

    /// <summary>The <c>nbformat_minor</c> of the notebook.</summary>
    public int FormatMinor => _root["nbformat_minor"]!.GetValue<int>();

    /// <summary>Reads and checks the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookException">Unreadable (<see cref="NotebookErrorKind.Io"/>) or not an nbformat 4 notebook (<see cref="NotebookErrorKind.InvalidNotebook"/>).</exception>
    public static NotebookDocument Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new NotebookException(NotebookErrorKind.Io, $"{path}: cannot read the notebook: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses and checks notebook text; <paramref name="path"/> only names it in errors.</summary>
    public static NotebookDocument Parse(string text, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: expected JSON, got text that does not parse ({e.Message})"));
        }
        if (node is not JsonObject root)
        {
            throw Invalid(path, $"top level: expected a JSON object, got {Describe(node)}");
        }
        if (root["nbformat"] is not JsonValue format || !format.TryGetValue<int>(out var major) || major != 4)
        {
            throw Invalid(path, $"nbformat: expected 4, got {Describe(root["nbformat"])}");
        }
        if (root["nbformat_minor"] is not JsonValue minorNode || !minorNode.TryGetValue<int>(out _))
        {
            throw Invalid(path, $"nbformat_minor: expected an integer, got {Describe(root["nbformat_minor"])}");
        }
        if (root["metadata"] is not JsonObject)
        {
            throw Invalid(path, $"metadata: expected an object, got {Describe(root["metadata"])}");
        }
        if (root["cells"] is not JsonArray cells)
        {
            throw Invalid(path, $"cells: expected an array, got {Describe(root["cells"])}");
        }
        for (var i = 0; i < cells.Count; i++)
        {
            CheckCell(path, i, cells[i]);
        }
        return new NotebookDocument(root, cells);
    }

    /// <summary>Inserts <paramref name="cell"/> at <paramref name="index"/>.</summary>
    public void Insert(int index, NotebookCell cell)
    {
        _cellsJson.Insert(index, cell.Json);
        _cells.Insert(index, cell);
    }

    /// <summary>Removes the cell at <paramref name="index"/>.</summary>
    public void RemoveAt(int index)
    {
        _cellsJson.RemoveAt(index);
        _cells.RemoveAt(index);
    }

    /// <summary>
    /// Makes the notebook valid nbformat 4.5 whatever it was read as: every cell gets a valid,
    /// unique id (a missing, invalid or repeated one is replaced by <c>cell-&lt;index&gt;</c>, made
    /// unique), a <c>metadata</c> object, and code cells get <c>outputs</c> and
    /// <c>execution_count</c>; <c>nbformat_minor</c> is raised to 5.
    /// </summary>
    /// <returns>One line per replaced id, for a warning.</returns>
    public IReadOnlyList<string> Normalize()
    {
        foreach (var cell in _cells)
        {
            _ = cell.Metadata;
            if (cell.IsCode)
            {
                if (!cell.Json.ContainsKey("execution_count"))
                {
                    cell.SetExecutionCount(null);
                }
                if (cell.Json["outputs"] is null)
                {
                    cell.SetOutputs([]);
                }
            }
            else
            {
                // The 4.5 schema allows no extra keys: these two belong to code cells only.
                cell.Json.Remove("outputs");
                cell.Json.Remove("execution_count");
            }
        }
        var changes = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var keep = new bool[_cells.Count];
        for (var i = 0; i < _cells.Count; i++)
        {
            keep[i] = CellIds.IsValid(_cells[i].Id) && taken.Add(_cells[i].Id!);
        }
        for (var i = 0; i < _cells.Count; i++)
        {
            if (keep[i])
            {
                continue;
            }
            var old = _cells[i].Id;
            var id = CellIds.Unique(string.Create(CultureInfo.InvariantCulture, $"cell-{i}"), taken);
            taken.Add(id);
            SetId(_cells[i], id);
            changes.Add(old is null ? $"cell {i}: had no id, now '{id}'" : $"cell {i}: id '{old}' was invalid or repeated, now '{id}'");
        }
        if (FormatMinor < 5)
        {
            _root["nbformat_minor"] = 5;
        }
        return changes;
    }

    /// <summary>The ids in use.</summary>
    public IReadOnlySet<string> Ids() => _cells.Select(c => c.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The notebook's JSON text.</summary>
    public string ToJson() => NotebookJson.Serialize(_root);

    /// <summary>
    /// Writes the notebook to <paramref name="path"/> atomically: to a temporary file in the same
    /// folder, then renamed over the target, so a reader (or a killed run) never sees half a file.
    /// </summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                NotebookJson.Write(_root, stream);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new NotebookException(NotebookErrorKind.Io, $"{path}: cannot write the notebook: {e.Message}", e);
        }
    }

    private static void SetId(NotebookCell cell, string id)
    {
        if (cell.Json.ContainsKey("id"))
        {
            cell.Id = id;
            return;
        }
        // Put a new id where Jupyter's sorted writer would: after cell_type/execution_count, before metadata.
        var entries = cell.Json.ToList();
        cell.Json.Clear();
        var inserted = false;
        foreach (var (key, value) in entries)
        {
            if (!inserted && string.CompareOrdinal(key, "id") > 0)
            {
                cell.Json["id"] = id;
                inserted = true;
            }
            cell.Json[key] = value;
        }
        if (!inserted)
        {
            cell.Json["id"] = id;
        }
    }

    private static void CheckCell(string path, int index, JsonNode? node)
    {
        if (node is not JsonObject cell)
        {
            throw Invalid(path, $"cells[{index}]: expected an object, got {Describe(node)}");
        }
        var type = cell["cell_type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (type is not ("code" or "markdown" or "raw"))
        {
            throw Invalid(path, $"cells[{index}].cell_type: expected \"code\", \"markdown\" or \"raw\", got {Describe(cell["cell_type"])}");
        }
        var source = cell["source"];
        var sourceOk = source switch
        {
            JsonValue value => value.TryGetValue<string>(out _),
            JsonArray lines => lines.All(l => l is JsonValue line && line.TryGetValue<string>(out _)),
            _ => false,
        };
        if (!sourceOk)
        {
            throw Invalid(path, $"cells[{index}].source: expected a string or an array of strings, got {Describe(source)}");
        }
        if (cell["metadata"] is not (null or JsonObject))
        {
            throw Invalid(path, $"cells[{index}].metadata: expected an object, got {Describe(cell["metadata"])}");
        }
        if (type == "code" && cell["outputs"] is not (null or JsonArray))
        {
            throw Invalid(path, $"cells[{index}].outputs: expected an array, got {Describe(cell["outputs"])}");
        }
    }

    private static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "nothing";
        }
        var text = node.ToJsonString();
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    private static NotebookException Invalid(string path, string what) =>
        new(NotebookErrorKind.InvalidNotebook, $"{path}: not an nbformat 4 notebook: {what}");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The temporary file is named with a dot and a GUID; a leftover harms nothing.
        }
    }
}
