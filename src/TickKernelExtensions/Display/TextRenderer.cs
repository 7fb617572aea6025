namespace TickKernelExtensions.Display;

/// <summary>
/// Writes a <see cref="ResultView"/> as plain text for consoles, logs and the text/plain part of a notebook
/// output: the title line, then tables with aligned columns (numbers right-aligned).
/// </summary>
internal static class TextRenderer
{
    public static string ToText(ResultView view)
    {
        using var writer = new StringWriter();
        Write(view, writer);
        return writer.ToString();
    }

    public static void Write(ResultView view, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        var first = true;
        foreach (var block in view.Blocks)
        {
            if (!first)
            {
                writer.Write('\n');
            }
            first = false;
            switch (block)
            {
                case ViewLine line:
                    var indent = line.Kind == ViewLineKind.Title ? "" : "  ";
                    writer.Write(indent + string.Join(" · ", line.Cells.Select(c => c.Text)));
                    break;
                case ViewTable table:
                    WriteTable(table, writer);
                    break;
            }
        }
    }

    private static void WriteTable(ViewTable table, TextWriter writer)
    {
        var columns = table.Headers.Count;
        var widths = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            widths[c] = Math.Max(table.Headers[c].Length, table.Subheaders?[c].Length ?? 0);
            foreach (var row in table.Rows)
            {
                widths[c] = Math.Max(widths[c], row[c].Text.Length);
            }
        }
        WriteRow(table.Headers.Select(h => new ViewCell(h)).ToList(), widths, writer);
        if (table.Subheaders is { } subheaders)
        {
            writer.Write('\n');
            WriteRow(subheaders.Select(h => new ViewCell(h)).ToList(), widths, writer);
        }
        foreach (var row in table.Rows)
        {
            writer.Write('\n');
            WriteRow(row, widths, writer);
        }
    }

    private static void WriteRow(IReadOnlyList<ViewCell> cells, int[] widths, TextWriter writer)
    {
        var parts = new string[cells.Count];
        for (var c = 0; c < cells.Count; c++)
        {
            parts[c] = cells[c].Style.HasFlag(CellStyle.Number) ? cells[c].Text.PadLeft(widths[c]) : cells[c].Text.PadRight(widths[c]);
        }
        writer.Write("    " + string.Join("  ", parts).TrimEnd());
    }
}
