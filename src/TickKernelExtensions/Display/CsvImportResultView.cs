using TickKernelExtensions.Ingest.Csv;

namespace TickKernelExtensions.Display;

/// <summary>The view of a CSV import: what was read (rows, ticks, skipped lines by reason, time range), then the Parquet files.</summary>
internal static class CsvImportResultView
{
    public static ResultView Build(CsvImportResult result)
    {
        var s = result.Summary;
        var view = new ResultView($"CSV import {Path.GetFileName(result.File)}",
            s.Format.ToString(),
            s.Symbol,
            $"{DisplayText.Count(s.Ticks)} ticks",
            ViewCell.WarningFact(s.SkippedTotal, "skipped"),
            $"{DisplayText.Count(result.Commit.Files.Count)} Parquet file{(result.Commit.Files.Count == 1 ? "" : "s")}");
        var facts = view.Table("Field", "Value");
        facts.Row("Source", s.Source);
        facts.Row("Clock", s.Clock);
        facts.Row("Rows", Left(ViewCell.Count(s.Rows)));
        facts.Row("Ticks", Left(ViewCell.Count(s.Ticks)));
        foreach (var (reason, count) in s.Skipped.OrderBy(p => p.Key))
        {
            facts.Row($"Skipped: {reason}", Left(ViewCell.Warning(count)));
        }
        facts.Row("First tick (UTC)", s.FirstTimestamp is { } first ? DisplayText.TickTimestamp(first) : DisplayText.Missing);
        facts.Row("Last tick (UTC)", s.LastTimestamp is { } last ? DisplayText.TickTimestamp(last) : DisplayText.Missing);
        facts.Row("Crossed quotes kept", Left(ViewCell.Warning(s.CrossedKept)));
        facts.Row("Duplicates kept", Left(ViewCell.Warning(s.DuplicatesKept)));
        facts.Row("Raw copy", result.RawPath);
        facts.Row("Parquet source id", result.Commit.SourceId);
        var files = view.Table("Symbol", "Date", "Rows", "Size", "First (UTC)", "Last (UTC)", "File");
        foreach (var f in result.Commit.Files.Take(DisplayLimits.DetailRows))
        {
            files.Row(f.Symbol, DisplayText.Date(f.Date), ViewCell.Count(f.Rows), ViewCell.Number(DisplayText.Bytes(f.Bytes)),
                DisplayText.TickTimestamp(f.MinTimestampMicros), DisplayText.TickTimestamp(f.MaxTimestampMicros), f.RelativePath);
        }
        if (result.Commit.Files.Count > DisplayLimits.DetailRows)
        {
            view.Note($"{DisplayText.Count(result.Commit.Files.Count - DisplayLimits.DetailRows)} more files not shown " +
                $"({DisplayText.Count(result.Commit.Rows)} rows, {DisplayText.Bytes(result.Commit.Bytes)} in all).");
        }
        return view;
    }

    /// <summary>Values of a field/value table line up on the left, under their header.</summary>
    private static ViewCell Left(ViewCell cell) => cell with { Style = cell.Style & ~CellStyle.Number };
}
