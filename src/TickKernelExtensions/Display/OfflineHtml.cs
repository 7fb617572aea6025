using System.Net;
using Plotly.NET;

namespace TickKernelExtensions.Display;

/// <summary>
/// Standalone HTML reports that open offline: plotly.js is inlined once in the head from the copy embedded in the
/// Plotly.NET assembly, so every chart fragment (<see cref="ChartHtml.Fragment"/>) in the body finds
/// <c>window.Plotly</c> and never touches the network. A report with charts is about 3.6 MB larger than without.
/// </summary>
public static class OfflineHtml
{
    private static readonly Lazy<string> Script = new(LoadScriptTag);

    /// <summary>The manifest resource of plotly.js in the Plotly.NET assembly: <c>Plotly.NET.plotly-2.28.0.min.js</c> for 6.0.0.</summary>
    public static string PlotlyResourceName => $"Plotly.NET.plotly-{Globals.PLOTLYJS_VERSION}.min.js";

    /// <summary>An inline <c>&lt;script&gt;</c> element holding all of plotly.js (read once per process, about 3.6 MB).</summary>
    public static string PlotlyScriptTag() => Script.Value;

    /// <summary>A complete HTML document: plotly.js inline in the head, then <paramref name="bodyHtml"/> as given.</summary>
    /// <param name="title">The page title (HTML-encoded here).</param>
    /// <param name="bodyHtml">HTML for the body, e.g. result views and chart fragments; written as is, not encoded.</param>
    public static string Document(string title, string bodyHtml)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(bodyHtml);
        var script = PlotlyScriptTag();
        return string.Concat(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<title>", WebUtility.HtmlEncode(title), "</title>\n",
            script, "\n</head>\n",
            "<body style=\"font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:16px\">\n",
            bodyHtml,
            "\n</body>\n</html>\n");
    }

    private static string LoadScriptTag()
    {
        var assembly = typeof(GenericChart).Assembly;
        using var stream = assembly.GetManifestResourceStream(PlotlyResourceName)
            ?? throw new InvalidOperationException(
                $"{assembly.GetName().Name} {assembly.GetName().Version} has no resource '{PlotlyResourceName}'; " +
                $"it has: {string.Join(", ", assembly.GetManifestResourceNames())}.");
        using var reader = new StreamReader(stream);
        var js = reader.ReadToEnd();
        // plotly.js 2.28.0 holds no "</script"; should a later version, "<\/script" keeps the element intact.
        js = js.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        return $"<script type=\"text/javascript\" charset=\"utf-8\">\n{js}\n</script>";
    }
}
