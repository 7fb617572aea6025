using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Display;

/// <summary>
/// The view of a silver cleaning report: kept, dropped, flagged and missing on the title line, then the counts by
/// reason and by flag, then the gaps (at most <see cref="DisplayLimits.DetailRows"/>).
/// </summary>
internal static class TickQualityReportView
{
    public static ResultView Build(TickQualityTable table)
    {
        var view = new ResultView("Tick quality",
            DisplayText.Plural(table.Reports.Count, "partition"),
            $"{DisplayText.Count(table.KeptTicks)} of {DisplayText.Count(table.InputTicks)} kept",
            ViewCell.ProblemFact(table.DroppedTicks, "dropped"),
            ViewCell.WarningFact(table.FlaggedTicks, "flagged"),
            ViewCell.ProblemFact(table.MissingGaps, "missing gaps"));
        var reasons = Enum.GetValues<TickDropReason>();
        var rows = view.Table(["Symbol", "Day", "Input", "Kept", .. reasons.Select(r => r.ToString()), "Flagged", "Spikes", "Missing gaps", "Missing time", "Expected gaps", "First tick", "Last tick"]);
        foreach (var r in table.Reports.Take(DisplayLimits.DetailRows))
        {
            rows.Row([r.Symbol, DisplayText.Date(r.Day), ViewCell.Count(r.InputTicks), ViewCell.Count(r.KeptTicks),
                .. reasons.Select(x => ViewCell.Problem(r.Dropped(x))), ViewCell.Warning(r.FlaggedTicks), ViewCell.Warning(r.Flagged(TickFlags.Spike)),
                ViewCell.Problem(r.MissingGaps), ViewCell.Number(DisplayText.Duration(TimeSpan.FromSeconds(r.MissingSeconds))), ViewCell.Count(r.ExpectedGaps),
                Time(r.FirstTickMicros), Time(r.LastTickMicros)]);
        }
        if (table.Reports.Count > DisplayLimits.DetailRows)
        {
            view.Note($"{DisplayText.Count(table.Reports.Count - DisplayLimits.DetailRows)} more partitions not shown.");
        }
        return view;
    }

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

    private static ViewCell Time(long? micros) => micros is { } t ? DisplayText.TickTimestamp(t) : new ViewCell(DisplayText.Missing, CellStyle.Muted);
}
