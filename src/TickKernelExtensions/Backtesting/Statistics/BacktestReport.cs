using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// One backtest's result as it is kept and shown: statistics, trades, equity curve and the <see cref="Provenance"/>
/// hashes. Immutable (trades and curve are copied). The same inputs give byte-identical <see cref="ToJson"/> and
/// <see cref="ToHtmlDocument"/> output. Renders as HTML and text in notebooks.
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource<BacktestReport>), PreferredMimeTypes = ["text/html"])]
public sealed class BacktestReport
{
    private readonly BacktestTrade[] _trades;

    private BacktestReport(string title, BacktestStatistics statistics, BacktestTrade[] trades, EquityCurve equity, Provenance provenance)
    {
        Title = title;
        Statistics = statistics;
        _trades = trades;
        Equity = equity;
        Provenance = provenance;
    }

    /// <summary>What was backtested, e.g. <c>EURUSD meta-label v3, 2026-01 … 2026-06</c>.</summary>
    public string Title { get; }

    /// <summary>The statistics of <see cref="Equity"/> and <see cref="Trades"/>.</summary>
    public BacktestStatistics Statistics { get; }

    /// <summary>The closed trades, in the order given.</summary>
    public IReadOnlyList<BacktestTrade> Trades => _trades;

    /// <summary>A copy of the equity curve.</summary>
    public EquityCurve Equity { get; }

    /// <summary>The hashes of data, configuration and model.</summary>
    public Provenance Provenance { get; }

    /// <summary>Computes the statistics (<see cref="BacktestStatistics.Compute"/>) and builds the report.</summary>
    /// <exception cref="StatisticsException">InvalidInput for an empty title or hash or bad data; InvalidOptions.</exception>
    public static BacktestReport Create(string title, EquityCurve equity, IReadOnlyList<BacktestTrade> trades, Provenance provenance,
        StatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(equity);
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(provenance);
        if (string.IsNullOrWhiteSpace(title))
        {
            throw StatisticsException.Input("A report needs a title.", "title", "a non-empty title", title is null ? "null" : $"'{title}'");
        }
        provenance.Validate();
        var statistics = BacktestStatistics.Compute(equity, trades, options);
        var copy = new EquityCurve(equity.InitialEquity, equity.Count);
        for (var i = 0; i < equity.Count; i++)
        {
            copy.Add(equity.Times[i], equity.Equity[i]);
        }
        return new BacktestReport(title, statistics, [.. trades], copy, provenance);
    }

    /// <summary>The report as one compact JSON document in a fixed layout (<see cref="BacktestReportJson"/>).</summary>
    public string ToJson() => BacktestReportJson.Serialize(this);

    /// <summary>The report as an HTML fragment (the notebook display's title line, sections and tables).</summary>
    public string ToHtml() => HtmlRenderer.ToHtml(BacktestReportView.Build(this));

    /// <summary>
    /// A standalone page that opens offline: the report's tables, the equity and drawdown chart, then
    /// <paramref name="charts"/> (e.g. <see cref="Charts.BacktestCharts.Trades(Market.TickColumns, IReadOnlyList{BacktestTrade}, string, int)"/>),
    /// with plotly.js inlined (about 3.6 MB). Chart ids are numbered within the page, so the bytes depend only on the inputs.
    /// </summary>
    public string ToHtmlDocument(params IReadOnlyList<GenericChart> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        GenericChart[] all = [Charts.BacktestCharts.EquityAndDrawdown(this), .. charts];
        var body = new List<string>(all.Length + 1) { ToHtml() };
        for (var i = 0; i < all.Length; i++)
        {
            body.Add(ChartHtml.NumberedFragment(all[i], i + 1));
        }
        return OfflineHtml.Document($"Backtest report: {Title}", string.Join("\n", body));
    }

    /// <inheritdoc />
    public override string ToString() => TextRenderer.ToText(BacktestReportView.Build(this));
}
