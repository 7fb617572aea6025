using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary>An output notebook read back for assertions.</summary>
internal sealed class OutputNotebook
{
    private OutputNotebook(string path, JsonObject root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public JsonObject Root { get; }

    public JsonArray Cells => Root["cells"]!.AsArray();

    public JsonObject Metadata => Root["metadata"]!.AsObject();

    public JsonObject Papermill => Metadata["papermill"]!.AsObject();

    public static OutputNotebook Read(string path)
    {
        Assert.True(File.Exists(path), $"No output notebook at {path}.");
        return new OutputNotebook(path, JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    }

    public JsonObject Cell(string id) =>
        Cells.Select(c => c!.AsObject()).SingleOrDefault(c => (string?)c["id"] == id)
        ?? throw new Xunit.Sdk.XunitException($"No cell with id '{id}' in {Path}; ids: {string.Join(", ", Ids())}");

    public IReadOnlyList<string> Ids() => Cells.Select(c => (string)c!["id"]!).ToList();

    public int IndexOf(string id) => Ids().ToList().IndexOf(id);

    public IReadOnlyList<JsonObject> Outputs(string id) => Cell(id)["outputs"]!.AsArray().Select(o => o!.AsObject()).ToList();

    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string)l!)),
        null => "",
        _ => (string)node!,
    };

    /// <summary>The concatenated text of the cell's <c>stream</c> outputs named <paramref name="name"/>.</summary>
    public string Stream(string id, string name = "stdout") =>
        string.Concat(Outputs(id).Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == name).Select(o => Text(o["text"])));

    public string? Status(string id) => (string?)Cell(id)["metadata"]!["papermill"]?["status"];

    public int? ExecutionCount(string id) => (int?)Cell(id)["execution_count"];

    public IReadOnlyList<string> Tags(string id) => Cell(id)["metadata"]!["tags"] is JsonArray tags ? tags.Select(t => (string)t!).ToList() : [];
}
