using TickKernelExtensions.Ingest.Conversion;

namespace TickKernelExtensions.Display;

/// <summary>The view of a conversion run: per symbol the days by state, ticks and bytes; then the failed days.</summary>
internal static class ConversionReportView
{
    public static ResultView Build(ConversionReport report)
    {
        var view = new ResultView("Conversion", Facts(report));
        AddBody(view, report);
        return view;
    }

    /// <summary>Adds the conversion as a section of a larger view (the ingest summary).</summary>
    public static void AddSection(ResultView view, ConversionReport report)
    {
        view.Section("Conversion", Facts(report));
        AddBody(view, report);
    }

    private static ViewCell[] Facts(ConversionReport report) =>
    [
        $"{DisplayText.Count(report.Days.Count)} symbol-days",
        $"{DisplayText.Count(report.Ticks)} ticks",
        DisplayText.Bytes(report.Bytes),
        DisplayText.Duration(report.Elapsed),
        ViewCell.Verdict(report.Succeeded, "succeeded", DisplayText.Plural(report.Count(DayState.Failed), "day") + " failed"),
    ];

    private static void AddBody(ResultView view, ConversionReport report)
    {
        if (report.Days.Count == 0)
        {
            view.Note("No symbol-day was planned.");
            return;
        }
        var table = view.Table("Symbol", "Converted", "Up to date", "No data", "Failed", "Ticks", "Parquet", "Crossed kept");
        foreach (var group in report.Days.GroupBy(d => d.Symbol).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.Row(
                group.Key,
                ViewCell.Count(group.Count(d => d.State == DayState.Converted)),
                ViewCell.Count(group.Count(d => d.State == DayState.UpToDate)),
                ViewCell.Count(group.Count(d => d.State == DayState.NoData)),
                ViewCell.Problem(group.Count(d => d.State == DayState.Failed)),
                ViewCell.Count(group.Sum(d => d.Ticks)),
                ViewCell.Number(DisplayText.Bytes(group.Sum(d => d.Bytes))),
                ViewCell.Warning(group.Sum(d => d.CrossedQuotes)));
        }
        var failed = report.Days.Where(d => d.State == DayState.Failed).ToList();
        if (failed.Count == 0)
        {
            return;
        }
        var errors = view.Table("Symbol", "Date", "Raw files", "Error");
        foreach (var day in failed.Take(DisplayLimits.DetailRows))
        {
            errors.Row(day.Symbol, DisplayText.Date(day.Date), ViewCell.Count(day.RawFiles), new ViewCell(day.Error ?? "", CellStyle.Bad));
        }
        if (failed.Count > DisplayLimits.DetailRows)
        {
            view.Note($"{DisplayText.Count(failed.Count - DisplayLimits.DetailRows)} more failed days not shown.");
        }
    }
}
