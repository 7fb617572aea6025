using System.Security.Cryptography;
using System.Text;
using Plotly.NET;

namespace TickKernelExtensions.Display;

/// <summary>
/// Plotly charts as self-loading HTML fragments: a div and a script that plots the figure with
/// <c>Plotly.newPlot</c> at once when <c>window.Plotly</c> exists (a report from <see cref="OfflineHtml.Document"/>,
/// or a notebook page where an earlier chart loaded it), and otherwise first loads plotly.js from the CDN — through
/// require.js when the page has it (as Polyglot Notebooks does), else with a script tag.
/// </summary>
/// <remarks>
/// The div id is <c>tke-chart-</c>, 12 hex digits of the figure's SHA-256, and a per-process counter: the same
/// notebook run twice writes the same ids (no churn in saved outputs), and two charts on one page never share one.
/// </remarks>
public static class ChartHtml
{
    private static long _counter;

    /// <summary>The plotly.js version Plotly.NET bundles and its figures are written for (2.28.0 for Plotly.NET 6.0.0).</summary>
    public static string PlotlyJsVersion => Globals.PLOTLYJS_VERSION;

    /// <summary>Where plotly.js is loaded from when the page has none, without the <c>.js</c> that require.js adds itself.</summary>
    public static string PlotlyCdnUrl => $"https://cdn.plot.ly/plotly-{PlotlyJsVersion}.min";

    /// <summary>The chart as an HTML fragment (div + script) holding its figure JSON (data, layout, config).</summary>
    public static string Fragment(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return NumberedFragment(chart, Interlocked.Increment(ref _counter));
    }

    /// <summary>
    /// The fragment with <paramref name="ordinal"/> in place of the process counter: for standalone documents that
    /// number their charts themselves, so the same document is the same bytes in any process.
    /// </summary>
    internal static string NumberedFragment(GenericChart chart, long ordinal)
    {
        var json = GenericChart.toJson(chart);
        var id = $"tke-chart-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12]}-{ordinal}";
        // '<' appears in figure JSON only inside strings, where \u003c means the same; escaping it means a title
        // such as "</script>" cannot end the script element early.
        var figure = json.Replace("<", "\\u003c", StringComparison.Ordinal);
        var b = new StringBuilder(json.Length + 1500);
        b.Append("<div id=\"").Append(id).Append("\"></div>\n");
        b.Append("<script type=\"text/javascript\">\n(function () {\n");
        b.Append("  var id = \"").Append(id).Append("\";\n");
        b.Append("  var figure = ").Append(figure).Append(";\n");
        b.Append("  var url = \"").Append(PlotlyCdnUrl).Append("\";\n");
        b.Append(Loader);
        b.Append("})();\n</script>");
        return b.ToString();
    }

    /// <summary>
    /// Plots at once when plotly.js is on the page. Otherwise loads it once per page: with require.js in its own
    /// context (so another 'plotly' path configured on the page is not disturbed); without it, with one shared
    /// script tag, since plotly.js registers itself as an AMD module instead of window.Plotly when a loader is present.
    /// </summary>
    private const string Loader = """
          function plot(Plotly) {
            var element = document.getElementById(id);
            if (!element) { return; }
            if (!Plotly) { element.textContent = "plotly.js did not load from " + url + ".js"; return; }
            Plotly.newPlot(element, figure.data, figure.layout, figure.config);
          }
          if (window.Plotly) { plot(window.Plotly); return; }
          var amd = window.requirejs || window.require;
          if (typeof amd === "function" && typeof amd.config === "function") {
            amd.config({ context: "tke-plotly-" + url, paths: { plotly: url } })(["plotly"], plot, function () { plot(null); });
            return;
          }
          if (!window.tkePlotlyLoading) {
            window.tkePlotlyLoading = new Promise(function (resolve) {
              var script = document.createElement("script");
              script.src = url + ".js";
              script.charset = "utf-8";
              script.onload = function () { resolve(window.Plotly); };
              script.onerror = function () { window.tkePlotlyLoading = null; resolve(null); };
              document.head.appendChild(script);
            });
          }
          window.tkePlotlyLoading.then(plot);

        """;
}
