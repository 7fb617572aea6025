namespace Pipeline.Scripts.Notebooks.Document;

/// <summary>
/// papermill's two error-banner markdown cells, tagged <c>papermill-error-cell-tag</c>: a banner at
/// the top linking to an anchor cell placed right before the failing cell. Same HTML as papermill,
/// so tools that look for it find it.
/// </summary>
public static class ErrorMarkers
{
    /// <summary>The tag of both marker cells.</summary>
    public const string Tag = "papermill-error-cell-tag";

    private const string Style = "style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\"";

    /// <summary>The banner's HTML for the failing cell's execution count.</summary>
    public static string BannerHtml(int? executionCount) =>
        $"<span {Style}>An Exception was encountered at '<a href=\"#papermill-error-cell\">In [{(executionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None")}]</a>'.</span>";

    /// <summary>The anchor cell's HTML.</summary>
    public const string AnchorHtml =
        "<span id=\"papermill-error-cell\" " + Style + ">Execution using papermill encountered an exception here and stopped:</span>";

    /// <summary>Removes the marker cells a previous run left; returns how many.</summary>
    public static int Remove(NotebookDocument notebook)
    {
        var removed = 0;
        for (var i = notebook.Cells.Count - 1; i >= 0; i--)
        {
            if (notebook.Cells[i].HasTag(Tag))
            {
                notebook.RemoveAt(i);
                removed++;
            }
        }
        return removed;
    }

    /// <summary>Inserts the anchor before the cell at <paramref name="failedIndex"/> and the banner at the top.</summary>
    public static void Insert(NotebookDocument notebook, int failedIndex, int? executionCount)
    {
        var taken = new HashSet<string>(notebook.Ids(), StringComparer.Ordinal);
        var anchorId = CellIds.Unique("papermill-error-anchor", taken);
        taken.Add(anchorId);
        var bannerId = CellIds.Unique("papermill-error-banner", taken);
        notebook.Insert(failedIndex, NotebookCell.NewMarkdown(anchorId, AnchorHtml, Tag));
        notebook.Insert(0, NotebookCell.NewMarkdown(bannerId, BannerHtml(executionCount), Tag));
    }
}
