using System.Globalization;
using Spectre.Console;
using TickKernelExtensions.Ingest;
using TickKernelExtensions.Ingest.Conversion;
using TickKernelExtensions.Ingest.Download;

namespace Pipeline.Scripts.Output;

/// <summary>Prints the ingest summary: one row per symbol, then every gap by name.</summary>
internal static class IngestSummaryPrinter
{
    public static void Print(IngestSummary summary)
    {
        var c = CultureInfo.InvariantCulture;
        if (Console.IsOutputRedirected && AnsiConsole.Profile.Width < 132)
        {
            // CI logs and pipes: Spectre assumes 80 columns there, which folds every cell.
            AnsiConsole.Profile.Width = 132;
        }
        if (summary.Simulation is { } sim)
        {
            AnsiConsole.MarkupLine(c, $"[bold]Built-in market[/]: {sim.Ticks:N0} ticks in {sim.FilesWritten + sim.FilesUnchanged:N0} hour files ({Bytes(sim.Bytes)}) at {Markup.Escape(sim.Root)}");
        }
        var d = summary.Download;
        AnsiConsole.MarkupLine(c,
            $"[bold]Download[/] from {Markup.Escape(summary.FeedUrl.ToString())} into raw/{Markup.Escape(summary.RawSource)}: {d.Count(BucketState.Stored):N0} stored, {d.Count(BucketState.AlreadyPresent):N0} already present, " +
            $"{d.Count(BucketState.ExpectedClosed):N0} closed, {d.Count(BucketState.NotFound):N0} not found, {d.Count(BucketState.EmptySuspect):N0} suspect, " +
            $"{d.Count(BucketState.Failed):N0} failed; {d.Requests:N0} requests, {Bytes(d.Bytes)} in {d.Elapsed.TotalSeconds:0.0} s");

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("symbol", "hours", "with data", "closed", "suspect", "missing", "ticks written", "days written", "Parquet");
        foreach (var gap in d.Gaps)
        {
            var days = summary.Conversion?.Days.Where(x => x.Symbol == gap.Symbol).ToList() ?? [];
            table.AddRow(
                gap.Symbol,
                gap.Buckets.ToString("N0", c),
                gap.WithData.ToString("N0", c),
                gap.ExpectedClosed.ToString("N0", c),
                gap.SuspectBuckets.ToString("N0", c),
                gap.MissingBuckets == 0 ? "0" : $"[red]{gap.MissingBuckets:N0}[/]",
                days.Sum(x => x.Ticks).ToString("N0", c),
                $"{days.Count(x => x.State == DayState.Converted)} (+{days.Count(x => x.State == DayState.UpToDate)} current)",
                Bytes(days.Sum(x => x.Bytes)));
        }
        AnsiConsole.Write(table);

        foreach (var gap in d.Gaps.Where(g => g.Missing.Count > 0 || g.Suspect.Count > 0))
        {
            AnsiConsole.MarkupLine(c, $"[bold]{gap.Symbol} gaps[/]");
            foreach (var range in gap.Missing)
            {
                AnsiConsole.MarkupLine(c, $"  [red]missing[/] {Markup.Escape(range.ToString())}");
            }
            foreach (var range in gap.Suspect)
            {
                AnsiConsole.MarkupLine(c, $"  [yellow]suspect[/] {Markup.Escape(range.ToString())}");
            }
        }
        foreach (var failed in summary.Conversion?.Days.Where(x => x.State == DayState.Failed) ?? [])
        {
            AnsiConsole.MarkupLine(c, $"[red]conversion failed[/] {failed.Symbol} {failed.Date:yyyy-MM-dd}: {Markup.Escape(failed.Error ?? "")}");
        }
        if (summary.Conversion is { } conv)
        {
            AnsiConsole.MarkupLine(c,
                $"[bold]Parquet[/] at {Markup.Escape(summary.Layout.Ticks)}: {conv.Count(DayState.Converted)} days written ({conv.Ticks:N0} ticks, {Bytes(conv.Bytes)}), " +
                $"{conv.Count(DayState.UpToDate)} up to date, {conv.Count(DayState.Failed)} failed, in {conv.Elapsed.TotalSeconds:0.0} s");
        }
    }

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.00} GiB"),
    };
}
