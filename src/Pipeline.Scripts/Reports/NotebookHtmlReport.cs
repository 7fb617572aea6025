using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Markdig;

namespace Pipeline.Scripts.Reports;

/// <summary>
/// Renders an executed notebook as one self-contained HTML page that opens offline: markdown as HTML,
/// code with its execution count and duration, and every output (HTML as is, text escaped, errors in
/// red). plotly.js is inlined once in the head, so every chart in the page finds <c>window.Plotly</c>
/// and never touches the network.
/// </summary>
internal static class NotebookHtmlReport
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Renders <paramref name="notebook"/> (nbformat 4 JSON) with <paramref name="title"/>.</summary>
    public static string Render(JsonNode notebook, string title, string plotlyScriptTag)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var body = new StringBuilder();
        body.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        AppendRunSummary(body, notebook["metadata"]?["papermill"]);
        foreach (var cell in notebook["cells"]?.AsArray() ?? [])
        {
            if (cell is null)
            {
                continue;
            }
            var type = (string?)cell["cell_type"];
            var source = Join(cell["source"]);
            if (type == "markdown")
            {
                body.Append("<section class=\"md\">").Append(Markdig.Markdown.ToHtml(source, Markdown)).Append("</section>\n");
            }
            else if (type == "code")
            {
                AppendCode(body, cell, source);
            }
        }
        return Document(title, body.ToString(), plotlyScriptTag);
    }

    private static void AppendRunSummary(StringBuilder body, JsonNode? papermill)
    {
        if (papermill is null)
        {
            return;
        }
        var duration = (double?)papermill["duration"];
        var failed = (bool?)papermill["exception"] == true;
        body.Append("<p class=\"run\">")
            .Append(failed ? "<b class=\"bad\">failed</b>" : "<b class=\"ok\">completed</b>")
            .Append(duration is { } d ? string.Create(CultureInfo.InvariantCulture, $" in {d:0.0} s") : "")
            .Append((string?)papermill["start_time"] is { } start ? $" · started {Encode(start)}" : "");
        if (papermill["parameters"] is JsonObject parameters && parameters.Count > 0)
        {
            body.Append(" · parameters: ").Append(Encode(string.Join(", ", parameters.Select(p => $"{p.Key} = {p.Value?.ToJsonString()}"))));
        }
        body.Append("</p>\n");
    }

    private static void AppendCode(StringBuilder body, JsonNode cell, string source)
    {
        var count = (int?)cell["execution_count"];
        var meta = cell["metadata"]?["papermill"];
        var status = (string?)meta?["status"];
        var duration = (double?)meta?["duration"];
        body.Append("<section class=\"code\"><div class=\"in\"><span class=\"prompt\">In [")
            .Append(count?.ToString(CultureInfo.InvariantCulture) ?? " ")
            .Append("]</span>");
        if (duration is { } d)
        {
            body.Append(string.Create(CultureInfo.InvariantCulture, $"<span class=\"dur\">{d:0.000} s</span>"));
        }
        if (status is "failed" or "pending")
        {
            body.Append("<span class=\"").Append(status == "failed" ? "bad" : "pending").Append("\">").Append(status).Append("</span>");
        }
        body.Append("<pre>").Append(Encode(source)).Append("</pre></div>\n");
        foreach (var output in cell["outputs"]?.AsArray() ?? [])
        {
            if (output is not null)
            {
                AppendOutput(body, output);
            }
        }
        body.Append("</section>\n");
    }

    private static void AppendOutput(StringBuilder body, JsonNode output)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                var name = (string?)output["name"] ?? "stdout";
                body.Append("<pre class=\"out ").Append(name == "stderr" ? "stderr" : "stdout").Append("\">")
                    .Append(Encode(Join(output["text"]))).Append("</pre>\n");
                break;
            case "display_data" or "execute_result":
                var data = output["data"];
                if (data?["text/html"] is { } html)
                {
                    body.Append("<div class=\"out html\">").Append(Join(html)).Append("</div>\n");
                }
                else if (data?["image/png"] is { } png)
                {
                    body.Append("<div class=\"out\"><img src=\"data:image/png;base64,").Append(Join(png).Trim()).Append("\"></div>\n");
                }
                else if (data?["text/plain"] is { } text)
                {
                    body.Append("<pre class=\"out\">").Append(Encode(Join(text))).Append("</pre>\n");
                }
                break;
            case "error":
                body.Append("<pre class=\"out error\"><b>").Append(Encode((string?)output["ename"] ?? "Error")).Append(": ")
                    .Append(Encode((string?)output["evalue"] ?? "")).Append("</b>\n")
                    .Append(Encode(string.Join("\n", output["traceback"]?.AsArray().Select(l => (string?)l) ?? [])))
                    .Append("</pre>\n");
                break;
        }
    }

    private static string Document(string title, string body, string plotlyScriptTag) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{Encode(title)}}</title>
        <style>
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #1b1f24; }
        pre { background: #f6f8fa; padding: .6em .8em; overflow-x: auto; border-radius: 4px; font-size: 13px; }
        .code { margin: 1.2em 0; }
        .in .prompt { color: #57606a; font-family: monospace; margin-right: .8em; }
        .dur { color: #57606a; font-size: 12px; margin-right: .8em; }
        .out { margin: .4em 0 .4em 2em; }
        pre.out { background: #fff; border-left: 3px solid #d0d7de; }
        pre.stderr { border-left-color: #d4a72c; }
        pre.error, .bad { color: #cf222e; }
        .ok { color: #1a7f37; }
        .pending { color: #57606a; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: right; }
        th { background: #f6f8fa; }
        </style>
        {{plotlyScriptTag}}
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """;

    private static string Join(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
