using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Scripts.RunAll;

/// <summary>The chain's summary: <c>summary.json</c> for machines (CI compares key figures), <c>summary.md</c> for people.</summary>
internal static class RunAllSummary
{
    public static void Write(string outputDirectory, IReadOnlyList<NotebookOutcome> outcomes)
    {
        var json = new JsonObject
        {
            ["notebooks"] = new JsonArray(outcomes.Select(o => (JsonNode?)new JsonObject
            {
                ["name"] = o.Name,
                ["status"] = o.Status,
                ["exit_code"] = o.ExitCode,
                ["duration_seconds"] = Math.Round(o.Duration.TotalSeconds, 3),
                ["notebook"] = o.ExecutedNotebook,
                ["report"] = o.Report,
                ["error"] = o.Error,
                ["key_figures"] = new JsonArray(o.KeyFigures.Select(k => (JsonNode?)k.DeepClone()).ToArray()),
            }).ToArray()),
            ["succeeded"] = outcomes.All(o => o.Status == "completed"),
        };
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, "summary.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, "summary.md"), Markdown(outcomes));
    }

    public static string Markdown(IReadOnlyList<NotebookOutcome> outcomes)
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder("# Notebook run\n\n| notebook | status | duration | key figures | report |\n| --- | --- | ---: | --- | --- |\n");
        foreach (var o in outcomes)
        {
            var figures = string.Join("; ", o.KeyFigures.SelectMany(k => (k["figures"] as JsonObject ?? []).Select(f => $"{f.Key} = {Value(f.Value)}")));
            b.Append(c, $"| {o.Name} | {o.Status}{(o.Error is null ? "" : $": {Escape(o.Error)}")} | {o.Duration.TotalSeconds:0.0} s | {Escape(figures)} | ")
             .Append(o.Report is null ? "" : $"[{o.Report}]({o.Report})").Append(" |\n");
        }
        return b.ToString();
    }

    private static string Value(JsonNode? node) => node switch
    {
        null => "—",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("#,0.######", CultureInfo.InvariantCulture),
        _ => node.ToString(),
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
