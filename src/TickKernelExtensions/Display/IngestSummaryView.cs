using TickKernelExtensions.Ingest;

namespace TickKernelExtensions.Display;

/// <summary>The view of an ingest run: the verdict, then the simulation, the download with its gaps, and the conversion.</summary>
internal static class IngestSummaryView
{
    public static ResultView Build(IngestSummary summary)
    {
        var view = new ResultView($"Ingest {summary.RawSource}",
            summary.Source.ToString(),
            ViewCell.Verdict(summary.Succeeded, "succeeded", "incomplete"),
            $"{DisplayText.Count(summary.Download.Outcomes.Count)} buckets",
            ViewCell.ProblemFact(summary.Download.Gaps.Sum(g => g.MissingBuckets), "missing"),
            $"{DisplayText.Count(summary.Conversion?.Ticks ?? 0)} ticks to Parquet");
        view.Note($"Feed {summary.FeedUrl} · data root {summary.Layout.Root}");
        if (summary.Simulation is { } simulation)
        {
            MirrorWriteResultView.AddSection(view, simulation);
        }
        DownloadReportView.AddSection(view, summary.Download);
        if (summary.Conversion is { } conversion)
        {
            ConversionReportView.AddSection(view, conversion);
        }
        else
        {
            view.Note("Conversion was off.");
        }
        return view;
    }
}
