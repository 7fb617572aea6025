namespace TickKernelExtensions.Display;

/// <summary>
/// What a result looks like, independent of the output format: a title line with the key numbers, then sections,
/// tables and notes. <see cref="HtmlRenderer"/> and <see cref="TextRenderer"/> turn it into text/html and
/// text/plain, so both forms always show the same numbers.
/// </summary>
internal sealed class ResultView
{
    private readonly List<ViewBlock> _blocks = [];

    /// <summary>Starts a view with its title line: the title, then facts such as counts and verdicts.</summary>
    public ResultView(string title, params IReadOnlyList<ViewCell> facts)
    {
        _blocks.Add(new ViewLine(ViewLineKind.Title, [new ViewCell(title, CellStyle.Strong), .. facts]));
    }

    public IReadOnlyList<ViewBlock> Blocks => _blocks;

    /// <summary>Adds a section heading with its own facts.</summary>
    public ResultView Section(string title, params IReadOnlyList<ViewCell> facts)
    {
        _blocks.Add(new ViewLine(ViewLineKind.Section, [new ViewCell(title, CellStyle.Strong), .. facts]));
        return this;
    }

    /// <summary>Adds a grey remark.</summary>
    public ResultView Note(string text)
    {
        _blocks.Add(new ViewLine(ViewLineKind.Note, [new ViewCell(text, CellStyle.Muted)]));
        return this;
    }

    /// <summary>Appends a block of another view (to compose views).</summary>
    public ResultView Add(ViewBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _blocks.Add(block);
        return this;
    }

    /// <summary>Adds a table and returns it for its rows.</summary>
    public ViewTable Table(params IReadOnlyList<string> headers)
    {
        var table = new ViewTable(headers);
        _blocks.Add(table);
        return table;
    }
}
