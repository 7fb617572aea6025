using TickKernelExtensions.Ingest.Download;

namespace TickKernelExtensions.Display;

/// <summary>The view of a download run: bucket counts by state, the buckets that went wrong, the gap reports.</summary>
internal static class DownloadReportView
{
    private static readonly (BucketState State, string Header)[] States =
    [
        (BucketState.Stored, "Stored"),
        (BucketState.AlreadyPresent, "Already present"),
        (BucketState.ExpectedClosed, "Expected closed"),
        (BucketState.Provisional, "Provisional"),
        (BucketState.EmptySuspect, "Empty suspect"),
        (BucketState.NotFound, "Not found"),
        (BucketState.Failed, "Failed"),
        (BucketState.Conflict, "Conflict"),
    ];

    public static ResultView Build(DownloadReport report)
    {
        var view = new ResultView("Download", Facts(report));
        AddBody(view, report);
        return view;
    }

    /// <summary>Adds the download as a section of a larger view (the ingest summary).</summary>
    public static void AddSection(ResultView view, DownloadReport report)
    {
        view.Section("Download", Facts(report));
        AddBody(view, report);
    }

    private static ViewCell[] Facts(DownloadReport report)
    {
        var facts = new List<ViewCell> { $"{DisplayText.Count(report.Outcomes.Count)} buckets" };
        if (report.Outcomes.Count > 0)
        {
            var from = report.Outcomes.Min(o => o.Bucket.StartUtc);
            var to = report.Outcomes.Max(o => o.Bucket.EndUtc);
            facts.Add($"{DisplayText.Minute(from)} → {DisplayText.Minute(to)} UTC");
        }
        facts.Add($"{DisplayText.Count(report.Requests)} requests");
        facts.Add(DisplayText.Bytes(report.Bytes));
        facts.Add(DisplayText.Duration(report.Elapsed));
        facts.Add(ViewCell.Verdict(report.Complete, "complete", "incomplete"));
        return [.. facts];
    }

    private static void AddBody(ResultView view, DownloadReport report)
    {
        var counts = view.Table([.. States.Select(s => s.Header), "Records stored"]);
        counts.Row([
            .. States.Select(s => Cell(s.State, report.Count(s.State))),
            ViewCell.Count(report.RecordsStored),
        ]);
        var problems = report.Outcomes
            .Where(o => o.State is BucketState.Failed or BucketState.NotFound or BucketState.Conflict or BucketState.EmptySuspect)
            .ToList();
        if (problems.Count > 0)
        {
            var table = view.Table("Bucket", "State", "Attempts", "HTTP", "Detail");
            foreach (var o in problems.Take(DisplayLimits.DetailRows))
            {
                table.Row(
                    $"{o.Bucket.Instrument.Symbol} {DisplayText.Minute(o.Bucket.StartUtc)}",
                    new ViewCell(o.State.ToString(), o.State == BucketState.EmptySuspect ? CellStyle.Warn : CellStyle.Bad),
                    ViewCell.Count(o.Attempts),
                    ViewCell.Number(o.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? DisplayText.Missing),
                    o.Detail ?? "");
            }
            if (problems.Count > DisplayLimits.DetailRows)
            {
                view.Note($"{DisplayText.Count(problems.Count - DisplayLimits.DetailRows)} more buckets not shown.");
            }
        }
        if (report.Gaps.Count > 0)
        {
            var missing = report.Gaps.Sum(g => g.MissingBuckets);
            view.Section("Gaps", ViewCell.ProblemFact(missing, "missing"),
                ViewCell.WarningFact(report.Gaps.Sum(g => g.SuspectBuckets), "suspect"));
            GapReportView.AddTables(view, report.Gaps);
        }
    }

    private static ViewCell Cell(BucketState state, int count) => state switch
    {
        BucketState.NotFound or BucketState.Failed or BucketState.Conflict => ViewCell.Problem(count),
        BucketState.EmptySuspect => ViewCell.Warning(count),
        _ => ViewCell.Count(count),
    };
}
