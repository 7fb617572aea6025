using TickKernelExtensions.Backtesting.Statistics;
using TickKernelExtensions.Ingest;
using TickKernelExtensions.Ingest.Conversion;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Display;

/// <summary>The view of each library result type that carries a <see cref="ResultFormatterSource{T}"/>.</summary>
internal static class ResultViews
{
    public static ResultView Of(object value) => value switch
    {
        IngestSummary s => IngestSummaryView.Build(s),
        DownloadReport d => DownloadReportView.Build(d),
        SymbolGapReport g => GapReportView.Build(g),
        GapReportTable t => GapReportView.Build(t),
        ConversionReport c => ConversionReportView.Build(c),
        CsvImportResult r => CsvImportResultView.Build(r),
        TickColumns t => TickColumnsView.Build(t),
        MirrorWriteResult m => MirrorWriteResultView.Build(m),
        TickQualityReport q => TickQualityReportView.Build(q),
        TickQualityTable q => TickQualityReportView.Build(q),
        OverfittingReport r => OverfittingReportView.Build(r),
        BacktestReport r => BacktestReportView.Build(r),
        BacktestStatistics s => BacktestReportView.Build(s),
        FoldStatisticsTable f => BacktestReportView.Build(f),
        Backtesting.WalkForward.WalkForwardBacktestResult w => WalkForwardView.Build(w),
        null => throw new ArgumentNullException(nameof(value)),
        _ => throw new ArgumentException($"No result view for {value.GetType().FullName}.", nameof(value)),
    };

    public static string Html(object value) => HtmlRenderer.ToHtml(Of(value));

    public static string Text(object value) => TextRenderer.ToText(Of(value));
}
