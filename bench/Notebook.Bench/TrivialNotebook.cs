using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notebook.Bench;

/// <summary>A notebook of trivial cells, each declaring a variable and returning it plus one: what a cell costs when its code costs nothing.</summary>
internal static class TrivialNotebook
{
    public static string CellCode(int i) => string.Create(CultureInfo.InvariantCulture, $"var x{i} = {i};\nx{i} + 1");

    /// <summary>Writes an n-cell Polyglot notebook to <paramref name="path"/>.</summary>
    public static void Write(string path, int cells)
    {
        var array = new JsonArray();
        for (var i = 0; i < cells; i++)
        {
            array.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["id"] = string.Create(CultureInfo.InvariantCulture, $"c{i}"),
                ["metadata"] = new JsonObject
                {
                    ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                    ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                },
                ["outputs"] = new JsonArray(),
                ["source"] = CellCode(i),
            });
        }
        var notebook = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The code of the notebook's code cells, in order.</summary>
    public static IReadOnlyList<string> ReadCells(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => c!["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string)l!)) : (string)c!["source"]!)
            .ToList();
}
