using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Display;

/// <summary>
/// The view of a silver cleaning report: kept, dropped, flagged and missing on the title line, then the counts by
/// reason and by flag, then the gaps (at most <see cref="DisplayLimits.DetailRows"/>).
/// </summary>
internal static class TickQualityReportView
{
    public static ResultView Build(TickQualityReport report)
    {
        var view = new ResultView($"Tick quality {report.Symbol} {DisplayText.Date(report.Day)}",
            $"{DisplayText.Count(report.KeptTicks)} of {DisplayText.Count(report.InputTicks)} kept",
            ViewCell.ProblemFact(report.DroppedTicks, "dropped"),
            ViewCell.WarningFact(report.FlaggedTicks, "flagged"),
            ViewCell.ProblemFact(report.MissingGaps, report.MissingGaps == 1 ? "missing gap" : "missing gaps"));
        if (report.FirstTickUtc is { } first && report.LastTickUtc is { } last)
        {
            view.Note($"First tick {DisplayText.TickTimestamp(report.FirstTickMicros!.Value)}, last {DisplayText.TickTimestamp(report.LastTickMicros!.Value)} UTC ({DisplayText.Duration(last - first)}).");
        }
        var counts = view.Table("Outcome", "Reason", "Ticks");
        foreach (var (reason, count) in report.DroppedByReason.OrderBy(x => x.Key))
        {
            counts.Row(new ViewCell("dropped", CellStyle.Bad), reason.ToString(), ViewCell.Problem(count));
        }
        foreach (var (flag, count) in report.FlaggedByFlag.OrderBy(x => x.Key))
        {
            counts.Row(new ViewCell("flagged", CellStyle.Warn), flag.ToString(), ViewCell.Warning(count));
        }
        if (report.Gaps.Count == 0)
        {
            view.Note("No gaps longer than the threshold.");
            return view;
        }
        view.Section("Gaps", ViewCell.ProblemFact(report.MissingGaps, "missing"), $"{DisplayText.Count(report.ExpectedGaps)} expected",
            $"{DisplayText.Duration(TimeSpan.FromSeconds(report.MissingSeconds))} missing");
        var table = view.Table("Kind", "From (UTC)", "To (UTC)", "Length", "Expected open");
        foreach (var gap in report.Gaps.Take(DisplayLimits.DetailRows))
        {
            var kind = gap.Kind == GapKind.Missing ? new ViewCell("missing", CellStyle.Bad) : new ViewCell("expected closure", CellStyle.Muted);
            table.Row(kind, DisplayText.TickTimestamp(gap.StartMicros), DisplayText.TickTimestamp(gap.EndMicros),
                ViewCell.Number(DisplayText.Duration(gap.Duration)), ViewCell.Number(DisplayText.Duration(gap.OpenMarketDuration)));
        }
        if (report.Gaps.Count > DisplayLimits.DetailRows)
        {
            view.Note($"{DisplayText.Count(report.Gaps.Count - DisplayLimits.DetailRows)} more gaps not shown.");
        }
        return view;
    }
}
