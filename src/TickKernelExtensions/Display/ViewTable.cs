namespace TickKernelExtensions.Display;

/// <summary>A table of a result view: headers, optional grey sub-headers (such as column types), rows of cells.</summary>
internal sealed class ViewTable(IReadOnlyList<string> headers) : ViewBlock
{
    private readonly List<IReadOnlyList<ViewCell>> _rows = [];

    public IReadOnlyList<string> Headers { get; } = headers;

    /// <summary>A second, grey header row, or null.</summary>
    public IReadOnlyList<string>? Subheaders { get; set; }

    public IReadOnlyList<IReadOnlyList<ViewCell>> Rows => _rows;

    /// <summary>Appends a row; it must have one cell per header.</summary>
    public ViewTable Row(params IReadOnlyList<ViewCell> cells)
    {
        if (cells.Count != Headers.Count)
        {
            throw new ArgumentException(
                $"A row of table ({string.Join(", ", Headers)}) needs {Headers.Count} cells, got {cells.Count}.", nameof(cells));
        }
        _rows.Add(cells);
        return this;
    }

    /// <summary>Appends a grey row that spans the table, e.g. "⋯ 3,723 more rows ⋯" between a head and a tail.</summary>
    public ViewTable Gap(string text)
    {
        var cells = new ViewCell[Headers.Count];
        cells[0] = new ViewCell(text, CellStyle.Muted);
        for (var i = 1; i < cells.Length; i++)
        {
            cells[i] = new ViewCell("", CellStyle.Muted);
        }
        _rows.Add(cells);
        return this;
    }
}
