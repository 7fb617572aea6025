using System.Globalization;
using System.Text.Json;
using Plotly.NET;

namespace TickKernelExtensions.Display;

/// <summary>The text/plain form of a chart: its title, trace types and size, read back from the figure JSON.</summary>
internal static class ChartSummary
{
    public static string Describe(GenericChart chart)
    {
        using var json = JsonDocument.Parse(GenericChart.toFigureJson(chart));
        var root = json.RootElement;
        var types = root.GetProperty("data").EnumerateArray()
            .Select(t => t.TryGetProperty("type", out var type) ? type.GetString() ?? "?" : "?")
            .ToList();
        var layout = root.GetProperty("layout");
        var title = layout.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.Object
            && t.TryGetProperty("text", out var text) ? text.GetString() : null;
        var size = layout.TryGetProperty("width", out var w) && layout.TryGetProperty("height", out var h)
            ? $", {w.GetDouble().ToString(CultureInfo.InvariantCulture)}×{h.GetDouble().ToString(CultureInfo.InvariantCulture)}"
            : "";
        var traces = string.Join(", ", types.GroupBy(x => x).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"));
        return $"Plotly chart{(title is null ? "" : $" \"{title}\"")}: {types.Count} trace{(types.Count == 1 ? "" : "s")} ({traces}){size}";
    }
}
