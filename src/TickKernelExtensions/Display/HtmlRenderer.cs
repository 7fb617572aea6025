using System.Net;

namespace TickKernelExtensions.Display;

/// <summary>
/// Writes a <see cref="ResultView"/> as a compact HTML fragment. Every text is HTML-encoded here and nowhere else;
/// styles are inline (no external CSS or JS), so the fragment looks the same in a notebook, a saved report or a
/// mail, and cannot clash with other outputs.
/// </summary>
internal static class HtmlRenderer
{
    private const string Root = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:13px;line-height:1.4;margin:2px 0";
    private const string TableStyle = "border-collapse:collapse;margin:2px 0 8px 0;font-size:12px";
    private const string HeaderCell = "padding:2px 8px;border-bottom:1px solid #999;text-align:left;font-weight:600;white-space:nowrap";
    private const string SubheaderCell = "padding:0 8px 2px 8px;border-bottom:1px solid #999;text-align:left;font-weight:400;color:#777;white-space:nowrap";
    private const string Cell = "padding:1px 8px;border-bottom:1px solid #e4e4e4;white-space:nowrap";

    public static string ToHtml(ResultView view)
    {
        using var writer = new StringWriter();
        Write(view, writer);
        return writer.ToString();
    }

    public static void Write(ResultView view, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write($"<div style=\"{Root}\">");
        foreach (var block in view.Blocks)
        {
            switch (block)
            {
                case ViewLine line:
                    WriteLine(line, writer);
                    break;
                case ViewTable table:
                    WriteTable(table, writer);
                    break;
            }
        }
        writer.Write("</div>");
    }

    /// <summary>HTML-encodes text for element content and attribute values (&lt;, &gt;, &amp;, quotes).</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void WriteLine(ViewLine line, TextWriter writer)
    {
        var style = line.Kind switch
        {
            ViewLineKind.Title => "margin:0 0 4px 0;font-size:14px",
            ViewLineKind.Section => "margin:6px 0 2px 0",
            _ => "margin:0 0 6px 0;font-size:12px",
        };
        writer.Write($"<div style=\"{style}\">");
        for (var i = 0; i < line.Cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write("<span style=\"color:#999\"> · </span>");
            }
            WriteSpan(line.Cells[i], writer);
        }
        writer.Write("</div>");
    }

    private static void WriteSpan(ViewCell cell, TextWriter writer)
    {
        var style = Color(cell.Style);
        if (style.Length == 0)
        {
            writer.Write(Encode(cell.Text));
            return;
        }
        writer.Write($"<span style=\"{style}\">{Encode(cell.Text)}</span>");
    }

    private static void WriteTable(ViewTable table, TextWriter writer)
    {
        writer.Write($"<table style=\"{TableStyle}\"><thead><tr>");
        foreach (var header in table.Headers)
        {
            writer.Write($"<th style=\"{HeaderCell}\">{Encode(header)}</th>");
        }
        writer.Write("</tr>");
        if (table.Subheaders is { } subheaders)
        {
            writer.Write("<tr>");
            foreach (var sub in subheaders)
            {
                writer.Write($"<th style=\"{SubheaderCell}\">{Encode(sub)}</th>");
            }
            writer.Write("</tr>");
        }
        writer.Write("</thead><tbody>");
        foreach (var row in table.Rows)
        {
            writer.Write("<tr>");
            foreach (var cell in row)
            {
                var align = cell.Style.HasFlag(CellStyle.Number) ? ";text-align:right" : "";
                var color = Color(cell.Style);
                writer.Write($"<td style=\"{Cell}{align}{(color.Length > 0 ? ";" + color : "")}\">{Encode(cell.Text)}</td>");
            }
            writer.Write("</tr>");
        }
        writer.Write("</tbody></table>");
    }

    private static string Color(CellStyle style)
    {
        var parts = new List<string>(2);
        if (style.HasFlag(CellStyle.Bad))
        {
            parts.Add("color:#c62828;font-weight:600");
        }
        else if (style.HasFlag(CellStyle.Warn))
        {
            parts.Add("color:#b26a00");
        }
        else if (style.HasFlag(CellStyle.Good))
        {
            parts.Add("color:#2e7d32");
        }
        else if (style.HasFlag(CellStyle.Muted))
        {
            parts.Add("color:#888");
        }
        if (style.HasFlag(CellStyle.Strong) && !style.HasFlag(CellStyle.Bad))
        {
            parts.Add("font-weight:600");
        }
        return string.Join(";", parts);
    }
}
