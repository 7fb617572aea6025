namespace TickKernelExtensions.Display;

/// <summary>What a <see cref="ViewLine"/> is.</summary>
internal enum ViewLineKind
{
    /// <summary>The view's first line: the title in bold, then the key numbers.</summary>
    Title,

    /// <summary>A section heading inside the view, with its own key numbers.</summary>
    Section,

    /// <summary>A small grey remark (for example how many rows a table left out).</summary>
    Note,
}
