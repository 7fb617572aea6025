using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Ingest.Download;

namespace TickKernelExtensions.Display;

/// <summary>
/// The gap reports of several instruments shown as one table (a notebook shows a bare list of reports as a list of
/// separate tables): per symbol the bucket counts, then every missing and suspect range, missing in red.
/// </summary>
/// <param name="Reports">One report per instrument, e.g. <see cref="DownloadReport.Gaps"/>.</param>
[TypeFormatterSource(typeof(ResultFormatterSource<GapReportTable>), PreferredMimeTypes = ["text/html"])]
public sealed record GapReportTable(IReadOnlyList<SymbolGapReport> Reports)
{
    /// <summary>Buckets with no data over all instruments.</summary>
    public int MissingBuckets => Reports.Sum(r => r.MissingBuckets);

    /// <summary>Buckets empty inside trading hours over all instruments.</summary>
    public int SuspectBuckets => Reports.Sum(r => r.SuspectBuckets);

    /// <inheritdoc />
    public override string ToString() => TextRenderer.ToText(GapReportView.Build(this));
}
