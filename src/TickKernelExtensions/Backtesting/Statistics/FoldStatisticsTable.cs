using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// Walk-forward folds side by side: one row per fold (span, return, Sharpe, Sortino, drawdown, trades, win rate,
/// profit factor, expectancy, PSR, DSR, costs / gross), in the order given. Renders as HTML and text in notebooks.
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource<FoldStatisticsTable>), PreferredMimeTypes = ["text/html"])]
public sealed class FoldStatisticsTable
{
    private readonly FoldStatistics[] _folds;

    private FoldStatisticsTable(string title, FoldStatistics[] folds)
    {
        Title = title;
        _folds = folds;
    }

    /// <summary>The table's title.</summary>
    public string Title { get; }

    /// <summary>The folds, in the order given.</summary>
    public IReadOnlyList<FoldStatistics> Folds => _folds;

    /// <summary>A table of <paramref name="folds"/> (name, statistics), in their order.</summary>
    /// <exception cref="StatisticsException">InvalidInput naming a fold without a name or statistics, or a repeated name.</exception>
    public static FoldStatisticsTable Create(IEnumerable<(string Fold, BacktestStatistics Statistics)> folds, string title = "Walk-forward folds")
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(title);
        var list = folds.Select(f => new FoldStatistics(f.Fold, f.Statistics)).ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i].Fold))
            {
                throw StatisticsException.Input("A fold needs a name.", "folds.Fold", "a non-empty name", list[i].Fold is null ? "null" : $"'{list[i].Fold}'", i);
            }
            if (list[i].Statistics is null)
            {
                throw StatisticsException.Input("A fold needs statistics.", "folds.Statistics", "statistics", "null", i);
            }
            if (!names.Add(list[i].Fold))
            {
                throw StatisticsException.Input("Fold names must be unique.", "folds.Fold", "a name not used by an earlier fold", $"'{list[i].Fold}' again", i);
            }
        }
        return new FoldStatisticsTable(title, list);
    }

    /// <summary>The table as an HTML fragment.</summary>
    public string ToHtml() => HtmlRenderer.ToHtml(BacktestReportView.Build(this));

    /// <inheritdoc />
    public override string ToString() => TextRenderer.ToText(BacktestReportView.Build(this));
}
