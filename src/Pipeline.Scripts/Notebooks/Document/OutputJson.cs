using System.Text.Json.Nodes;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Notebooks.Document;

/// <summary>Cell outputs in nbformat 4.5's JSON shape, keys in Jupyter's (sorted) order, texts as arrays of lines.</summary>
public static class OutputJson
{
    /// <summary>The JSON of one output.</summary>
    public static JsonObject ToJson(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject
        {
            ["name"] = s.Name,
            ["output_type"] = "stream",
            ["text"] = NotebookJson.Lines(s.Text),
        },
        DisplayDataOutput d => new JsonObject
        {
            ["data"] = Data(d.Data),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ExecuteResultOutput r => new JsonObject
        {
            ["data"] = Data(r.Data),
            ["execution_count"] = r.ExecutionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.EName,
            ["evalue"] = e.EValue,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)l).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "Not an nbformat output."),
    };

    /// <summary>The JSON array of a cell's outputs.</summary>
    public static JsonArray ToJson(IEnumerable<CellOutput> outputs) => new(outputs.Select(o => (JsonNode?)ToJson(o)).ToArray());

    private static JsonObject Data(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mimeType, text) in bundle)
        {
            data[mimeType] = IsJson(mimeType) && TryParse(text) is { } json ? json : NotebookJson.Lines(text);
        }
        return data;
    }

    // nbformat stores application/json and application/*+json bundles as JSON, not as text lines.
    private static bool IsJson(string mimeType) =>
        mimeType == "application/json" || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
