using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Notebooks.Document;

/// <summary>How notebooks are written: as Jupyter writes them (1-space indent, <c>\n</c> newlines, a final newline, non-ASCII text kept as is).</summary>
public static class NotebookJson
{
    /// <summary>The serializer options for notebook files.</summary>
    public static JsonSerializerOptions WriteOptions { get; } = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 1,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the notebook text of <paramref name="node"/> (as <see cref="Serialize"/>) as UTF-8 to <paramref name="stream"/>, without building a string.</summary>
    public static void Write(JsonNode node, Stream stream)
    {
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            node.WriteTo(writer, WriteOptions);
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The notebook text of <paramref name="node"/>, ending with a newline.</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(WriteOptions) + "\n";

    /// <summary>
    /// nbformat's multi-line string: an array of lines, each keeping its <c>\n</c> except the last
    /// (an empty text is an empty array).
    /// </summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            array.Add(text[start..end]);
            start = end;
        }
        return array;
    }

    /// <summary>The text of an nbformat multi-line string (a string, or an array of strings joined as they are).</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => node.GetValue<string>(),
    };
}
