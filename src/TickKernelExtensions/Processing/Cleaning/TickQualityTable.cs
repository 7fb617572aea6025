using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>
/// The quality reports of many (symbol, day) partitions shown as one table, one row each (a notebook shows a bare
/// list of reports as a list of separate tables): kept, dropped by reason, flagged, gaps and missing time.
/// </summary>
/// <param name="Reports">One report per (symbol, day), in the order to show them.</param>
[TypeFormatterSource(typeof(ResultFormatterSource<TickQualityTable>), PreferredMimeTypes = ["text/html"])]
public sealed record TickQualityTable(IReadOnlyList<TickQualityReport> Reports)
{
    /// <summary>Input ticks over all partitions.</summary>
    public long InputTicks => Reports.Sum(r => r.InputTicks);

    /// <summary>Kept ticks over all partitions.</summary>
    public long KeptTicks => Reports.Sum(r => r.KeptTicks);

    /// <summary>Dropped ticks over all partitions.</summary>
    public long DroppedTicks => Reports.Sum(r => r.DroppedTicks);

    /// <summary>Flagged ticks over all partitions.</summary>
    public long FlaggedTicks => Reports.Sum(r => r.FlaggedTicks);

    /// <summary>Missing gaps over all partitions.</summary>
    public int MissingGaps => Reports.Sum(r => r.MissingGaps);
}
