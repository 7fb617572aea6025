using TickKernelExtensions.Ingest.Download;

namespace TickKernelExtensions.Display;

/// <summary>Views of gap reports: a per-symbol count table and the list of missing and suspect ranges.</summary>
internal static class GapReportView
{
    public static ResultView Build(GapReportTable table)
    {
        var view = new ResultView("Gap report",
            $"{DisplayText.Count(table.Reports.Count)} symbol{(table.Reports.Count == 1 ? "" : "s")}",
            ViewCell.ProblemFact(table.MissingBuckets, "missing"),
            ViewCell.WarningFact(table.SuspectBuckets, "suspect"));
        AddTables(view, table.Reports);
        return view;
    }

    public static ResultView Build(SymbolGapReport report)
    {
        var view = new ResultView($"Gap report {report.Symbol}",
            $"{DisplayText.Count(report.Buckets)} buckets",
            $"{DisplayText.Count(report.WithData)} with data",
            ViewCell.ProblemFact(report.MissingBuckets, "missing"),
            ViewCell.WarningFact(report.SuspectBuckets, "suspect"));
        AddTables(view, [report]);
        return view;
    }

    /// <summary>The count table, then the ranges (at most <see cref="DisplayLimits.DetailRows"/>).</summary>
    public static void AddTables(ResultView view, IReadOnlyList<SymbolGapReport> reports)
    {
        var counts = view.Table("Symbol", "Buckets", "With data", "Expected closed", "Suspect", "Missing", "Provisional");
        foreach (var r in reports)
        {
            counts.Row(r.Symbol, ViewCell.Count(r.Buckets), ViewCell.Count(r.WithData), ViewCell.Count(r.ExpectedClosed),
                ViewCell.Warning(r.SuspectBuckets), ViewCell.Problem(r.MissingBuckets), ViewCell.Count(r.Provisional));
        }
        var ranges = reports
            .SelectMany(r => r.Missing.Select(g => (r.Symbol, Kind: "missing", Range: g))
                .Concat(r.Suspect.Select(g => (r.Symbol, Kind: "suspect", Range: g))))
            .OrderBy(x => x.Symbol, StringComparer.Ordinal).ThenBy(x => x.Range.FromUtc)
            .ToList();
        if (ranges.Count == 0)
        {
            return;
        }
        var table = view.Table("Symbol", "Gap", "From (UTC)", "To (UTC)", "Buckets", "Reason");
        foreach (var (symbol, kind, range) in ranges.Take(DisplayLimits.DetailRows))
        {
            var style = kind == "missing" ? CellStyle.Bad : CellStyle.Warn;
            table.Row(symbol, new ViewCell(kind, style), DisplayText.Minute(range.FromUtc), DisplayText.Minute(range.ToUtc),
                ViewCell.Count(range.Buckets), range.Reason);
        }
        if (ranges.Count > DisplayLimits.DetailRows)
        {
            view.Note($"{DisplayText.Count(ranges.Count - DisplayLimits.DetailRows)} more gap ranges not shown.");
        }
    }
}
