namespace TickKernelExtensions.Display;

/// <summary>A line of facts, joined with " · ": a title, a section heading or a note.</summary>
internal sealed class ViewLine(ViewLineKind kind, IReadOnlyList<ViewCell> cells) : ViewBlock
{
    public ViewLineKind Kind { get; } = kind;

    public IReadOnlyList<ViewCell> Cells { get; } = cells;
}
