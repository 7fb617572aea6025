using System.Globalization;
using TickKernelExtensions.Backtesting.WalkForward;

namespace TickKernelExtensions.Display;

/// <summary>A walk-forward run: the out-of-sample verdict, the per-fold statistics, each fold's model and the parameters' stability.</summary>
internal static class WalkForwardView
{
    /// <param name="result">The run.</param>
    /// <param name="timings">Show each fold's training and trading time (not in files that must be byte-identical across runs).</param>
    public static ResultView Build(WalkForwardBacktestResult result, bool timings = true)
    {
        var oos = result.OutOfSample;
        var gross = result.OutOfSampleBeforeCosts;
        var view = new ResultView($"{result.Symbol} walk-forward", DisplayText.Plural(result.Folds.Count, "fold"), DisplayText.Plural(oos.TradeCount, "trade"),
            $"out-of-sample return {Text(oos.TotalReturn, "P2")}", $"Sharpe {Text(oos.Sharpe, "0.00")} ({Text(gross.Sharpe, "0.00")} before costs)",
            $"PSR {Text(oos.ProbabilisticSharpe, "0.000")}");
        view.Note("Each fold retrained on its own past only, then traded the next window tick by tick; the equity is the folds' curves stitched, each compounding on the previous one's end.");
        if (result.LeftOut.Count > 0)
        {
            view.Note($"{DisplayText.Plural(result.LeftOut.Count, "planned fold")} left out: no ticks in the training or trading window (market closed): {string.Join("; ", result.LeftOut)}.");
        }
        view.Section("Out of sample, stitched");
        var summary = view.Table("", "Return", "Ann. return", "Sharpe", "Sortino", "Max DD", "Trades", "Win rate", "Profit factor", "PSR", "Costs");
        summary.Row("after costs", BacktestReportView.Percent(oos.TotalReturn), BacktestReportView.Percent(oos.AnnualizedReturn), BacktestReportView.Ratio(oos.Sharpe),
            BacktestReportView.Ratio(oos.Sortino), BacktestReportView.Percent(oos.MaxDrawdown), ViewCell.Count(oos.TradeCount), BacktestReportView.Percent(oos.WinRate),
            BacktestReportView.Ratio(oos.ProfitFactor), BacktestReportView.Probability(oos.ProbabilisticSharpe), BacktestReportView.Signed(oos.Costs.Total));
        summary.Row("before costs", BacktestReportView.Percent(gross.TotalReturn), BacktestReportView.Percent(gross.AnnualizedReturn), BacktestReportView.Ratio(gross.Sharpe),
            BacktestReportView.Ratio(gross.Sortino), BacktestReportView.Percent(gross.MaxDrawdown), ViewCell.Count(gross.TradeCount), "",
            "", BacktestReportView.Probability(gross.ProbabilisticSharpe), "");
        foreach (var block in BacktestReportView.Build(result.Table).Blocks)
        {
            view.Add(block);
        }
        view.Section("Each fold's model");
        string[] headers = ["Fold", "Trained on (UTC)", "Samples", "Validation AUC", "Test AUC (in window)", "Bars scored", "Signals acted on"];
        var models = view.Table(timings ? [.. headers, "Train", "Trade"] : headers);
        foreach (var (fold, traded) in result.Run.Folds.Zip(result.Folds))
        {
            var m = fold.Model;
            ViewCell[] cells =
            [
                WalkForwardBacktest.Label(fold.Fold), $"{DisplayText.TickTimestamp(fold.Fold.TrainStart)} … {DisplayText.TickTimestamp(fold.Fold.TrainEnd)}",
                ViewCell.Count(m.Set.Train.Count + m.Set.Validation.Count + m.Set.Test.Count), BacktestReportView.Probability(m.Report.Validation.Auc),
                BacktestReportView.Probability(m.Report.Test.Auc), ViewCell.Count(traded.Scored), ViewCell.Count(traded.Acted),
            ];
            models.Row(timings ? [.. cells, DisplayText.Duration(fold.TrainTime), DisplayText.Duration(fold.TradeTime)] : cells);
        }
        view.Section("Parameter stability across folds");
        view.Note("A parameter that jumps from fold to fold (high coefficient of variation, low share of the most common value) says the search is fitting noise.");
        var stability = view.Table("Parameter", "Per fold", "Mean", "Std dev", "CV", "Mode share");
        foreach (var p in result.Stability)
        {
            stability.Row(p.Name, string.Join(" ", p.Values.Select(v => v.ToString("G4", CultureInfo.InvariantCulture))), ViewCell.Number(Text(p.Mean, "G4")),
                ViewCell.Number(Text(p.StdDev, "G4")), ViewCell.Number(Text(p.CoefficientOfVariation, "0.00")), BacktestReportView.Percent(p.ModeShare));
        }
        return view;
    }

    private static string Text(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";
}
