using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Kernel;

/// <summary>The engine's outputs as IOPub message contents, with the same MIME bundles the runner writes into notebooks.</summary>
internal static class KernelOutputs
{
    /// <summary>The message type and content of <paramref name="output"/>; execute results get <paramref name="executionCount"/>.</summary>
    public static (string MsgType, JsonObject Content) ToMessage(CellOutput output, int executionCount) => output switch
    {
        StreamOutput s => ("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }),
        DisplayDataOutput d => (d.IsUpdate ? "update_display_data" : "display_data", Display(d)),
        ExecuteResultOutput r => ("execute_result", new JsonObject { ["execution_count"] = executionCount, ["data"] = Data(r.Data), ["metadata"] = new JsonObject() }),
        ErrorOutput e => ("error", Error(e)),
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "Not a cell output."),
    };

    /// <summary><c>ename</c>, <c>evalue</c> and <c>traceback</c> of <paramref name="error"/>.</summary>
    public static JsonObject Error(ErrorOutput error) => new()
    {
        ["ename"] = error.EName,
        ["evalue"] = error.EValue,
        ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)l).ToArray()),
    };

    /// <summary>A MIME bundle as Jupyter's <c>data</c>: JSON types (<c>application/json</c>, <c>application/*+json</c>) embedded as JSON, the rest as strings.</summary>
    public static JsonObject Data(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mimeType, text) in bundle)
        {
            data[mimeType] = IsJson(mimeType) && TryParse(text) is { } json ? json : text;
        }
        return data;
    }

    private static JsonObject Display(DisplayDataOutput display)
    {
        var content = new JsonObject { ["data"] = Data(display.Data), ["metadata"] = new JsonObject() };
        if (display.DisplayId is { } id)
        {
            content["transient"] = new JsonObject { ["display_id"] = id };
        }
        return content;
    }

    private static bool IsJson(string mimeType) =>
        mimeType == "application/json" || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
