using TickKernelExtensions.Ingest.Simulation;

namespace TickKernelExtensions.Display;

/// <summary>The view of a simulated mirror: files written, and per symbol the ground truth put into it.</summary>
internal static class MirrorWriteResultView
{
    public static ResultView Build(MirrorWriteResult result)
    {
        var view = new ResultView("Simulated mirror", Facts(result));
        AddBody(view, result);
        return view;
    }

    /// <summary>Adds the mirror as a section of a larger view (the ingest summary).</summary>
    public static void AddSection(ResultView view, MirrorWriteResult result)
    {
        view.Section("Simulated mirror", Facts(result));
        AddBody(view, result);
    }

    private static ViewCell[] Facts(MirrorWriteResult result) =>
    [
        $"{DisplayText.Count(result.Ticks)} ticks",
        DisplayText.Bytes(result.Bytes),
        $"{DisplayText.Count(result.FilesWritten)} files written",
        $"{DisplayText.Count(result.FilesUnchanged)} unchanged",
        $"{DisplayText.Count(result.FilesRemoved)} removed",
    ];

    private static void AddBody(ResultView view, MirrorWriteResult result)
    {
        var table = view.Table("Symbol", "Ticks", "Trading hours", "Closed hours", "Missing hours", "Spikes", "Crossed", "Size");
        foreach (var s in result.Manifest.Symbols)
        {
            table.Row(s.Symbol, ViewCell.Count(s.Ticks), ViewCell.Count(s.TradingHours), ViewCell.Count(s.ClosedHours),
                ViewCell.Warning(s.MissingHours.Count), ViewCell.Count(s.Spikes), ViewCell.Count(s.CrossedQuotes),
                ViewCell.Number(DisplayText.Bytes(result.BytesBySymbol.GetValueOrDefault(s.Symbol))));
        }
        view.Note($"Mirror root: {result.Root}. Missing hours, spikes and crossed quotes are injected on purpose: " +
            "the gap report and the cleaning stage are checked against them.");
    }
}
