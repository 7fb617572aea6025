using System.Globalization;
using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Statistics;
using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Display;

/// <summary>
/// The views of a backtest report, its statistics and a walk-forward fold table: key figures on the title line, then
/// returns and risk, trades, costs, Sharpe significance and provenance, then the first trades.
/// </summary>
internal static class BacktestReportView
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ResultView Build(BacktestReport report)
    {
        var view = Build(report.Statistics, $"Backtest {report.Title}");
        view.Section("Provenance");
        var hashes = view.Table("Input", "Hash");
        hashes.Row("data", report.Provenance.DataHash);
        hashes.Row("configuration", report.Provenance.ConfigHash);
        hashes.Row("model", report.Provenance.ModelHash);
        if (report.Trades.Count == 0)
        {
            return view;
        }
        view.Section("Trades", DisplayText.Plural(report.Trades.Count, "trade"));
        var trades = view.Table("Symbol", "Side", "Lots", "Entry (UTC)", "Entry price", "Exit (UTC)", "Exit price", "Held", "Gross", "Costs", "Net", "Exit reason");
        foreach (var t in report.Trades.Take(DisplayLimits.DetailRows))
        {
            trades.Row(t.Symbol, t.Side == TradeSide.Long ? "long" : "short", ViewCell.Number(t.Lots.ToString("0.##", Invariant)),
                DisplayText.TickTimestamp(t.EntryTime), ViewCell.Number(DisplayText.Price(t.EntryPrice)), DisplayText.TickTimestamp(t.ExitTime),
                ViewCell.Number(DisplayText.Price(t.ExitPrice)), ViewCell.Number(DisplayText.Duration(t.Holding)), Money(t.GrossPnl),
                Money(t.GrossPnl - t.NetPnl), Signed(t.NetPnl), t.ExitReason);
        }
        if (report.Trades.Count > DisplayLimits.DetailRows)
        {
            view.Note($"{DisplayText.Count(report.Trades.Count - DisplayLimits.DetailRows)} more trades not shown.");
        }
        return view;
    }

    public static ResultView Build(BacktestStatistics s) => Build(s, "Backtest statistics");

    public static ResultView Build(FoldStatisticsTable table)
    {
        var view = new ResultView(table.Title, DisplayText.Plural(table.Folds.Count, "fold"));
        var rows = view.Table("Fold", "From (UTC)", "To (UTC)", "Return", "Ann. return", "Sharpe", "Sortino", "Max DD", "Trades",
            "Win rate", "Profit factor", "Expectancy", "PSR", "DSR", "Costs / gross");
        foreach (var (fold, s) in table.Folds)
        {
            rows.Row(fold, DisplayText.TickTimestamp(s.Start), DisplayText.TickTimestamp(s.End), Percent(s.TotalReturn), Percent(s.AnnualizedReturn),
                Ratio(s.Sharpe), Ratio(s.Sortino), Percent(s.MaxDrawdown), ViewCell.Count(s.TradeCount), Percent(s.WinRate), Ratio(s.ProfitFactor),
                Signed(s.Expectancy), Probability(s.ProbabilisticSharpe), Probability(s.DeflatedSharpe), Percent(s.Costs.FractionOfGross));
        }
        return view;
    }

    private static ResultView Build(BacktestStatistics s, string title)
    {
        var view = new ResultView(title,
            $"{Text(s.TotalReturn, "P2")} return",
            $"Sharpe {Text(s.Sharpe, "0.00")}",
            $"max drawdown {Text(s.MaxDrawdown, "P2")}",
            DisplayText.Plural(s.TradeCount, "trade"));
        var o = s.Options;
        view.Note(string.Create(Invariant,
            $"{DisplayText.TickTimestamp(s.Start)} → {DisplayText.TickTimestamp(s.End)} UTC; {s.Periods} period returns sampled at {o.SampleTimeOfDay:hh\\:mm} UTC{(o.SkipWeekends ? " on weekdays" : "")}, {o.PeriodsPerYear:0.##} per year; risk-free rate {o.RiskFreeRate:P2}."));

        view.Section("Returns and risk");
        var risk = view.Table("Figure", "Value");
        risk.Row("Equity start → end", ViewCell.Number($"{Amount(s.StartEquity)} → {Amount(s.EndEquity)}"));
        risk.Row("Total return", Percent(s.TotalReturn));
        risk.Row("Annualised return", Percent(s.AnnualizedReturn));
        risk.Row("Annualised volatility", Percent(s.AnnualizedVolatility));
        risk.Row("Sharpe", Ratio(s.Sharpe));
        risk.Row("Sortino", Ratio(s.Sortino));
        risk.Row("Calmar", Ratio(s.Calmar));
        risk.Row("Max drawdown", Percent(s.MaxDrawdown));
        risk.Row("Max drawdown amount", Money(s.MaxDrawdownAmount));
        risk.Row(s.MaxDrawdownRecovered ? "Max drawdown duration (to recovery)" : "Max drawdown duration (not recovered, to end)",
            ViewCell.Number(DisplayText.Duration(s.MaxDrawdownDuration)));
        risk.Row("Longest drawdown", ViewCell.Number(DisplayText.Duration(s.LongestDrawdownDuration)));
        risk.Row("Exposure", Percent(s.Exposure));
        risk.Row("Turnover per year", ViewCell.Number($"{Text(s.Turnover, "0.00")}×"));

        view.Section("Trades");
        var trades = view.Table("Figure", "Value");
        trades.Row("Trades (wins / losses)", ViewCell.Number($"{DisplayText.Count(s.TradeCount)} ({DisplayText.Count(s.Wins)} / {DisplayText.Count(s.Losses)})"));
        trades.Row("Win rate", Percent(s.WinRate));
        trades.Row("Profit factor", Ratio(s.ProfitFactor));
        trades.Row("Expectancy per trade", Signed(s.Expectancy));
        trades.Row("Net P&L", Signed(s.NetPnl));
        trades.Row("Holding mean / median / max", ViewCell.Number($"{Held(s.MeanHolding)} / {Held(s.MedianHolding)} / {Held(s.MaxHolding)}"));

        view.Section("Costs", $"{Text(s.Costs.FractionOfGross, "P1")} of gross P&L");
        var costs = view.Table("Cost", "Amount");
        costs.Row("Spread", Money(s.Costs.Spread));
        costs.Row("Commission", Money(s.Costs.Commission));
        costs.Row("Slippage", Money(s.Costs.Slippage));
        costs.Row("Swap", Money(s.Costs.Swap));
        costs.Row(new ViewCell("Total", CellStyle.Strong), Money(s.Costs.Total));
        costs.Row("Gross P&L (mid to mid)", Signed(s.Costs.GrossPnl));

        view.Section("Sharpe significance");
        var significance = view.Table("Figure", "Value");
        significance.Row("Skewness / kurtosis of returns", ViewCell.Number($"{Text(s.Skewness, "0.000")} / {Text(s.Kurtosis, "0.000")}"));
        significance.Row($"PSR (P[true Sharpe > {Text(o.BenchmarkSharpe, "0.##")}])", Probability(s.ProbabilisticSharpe));
        if (o.Trials is { } trials)
        {
            significance.Row($"Sharpe luck reaches in {DisplayText.Count(trials.Count)} trials", Ratio(s.DeflatedSharpeThreshold));
            significance.Row("DSR (P[true Sharpe > that])", Probability(s.DeflatedSharpe));
        }
        else
        {
            significance.Row("DSR", new ViewCell("no trial count given", CellStyle.Muted));
        }
        return view;
    }

    private static string Text(double value, string format) =>
        double.IsNaN(value) ? DisplayText.Missing : double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞"
            : value.ToString(format, Invariant);

    internal static ViewCell Percent(double value) => Cell(value, "P2");

    internal static ViewCell Ratio(double value) => Cell(value, "0.000");

    internal static ViewCell Probability(double value) => Cell(value, "0.0000");

    private static ViewCell Money(double value) => Cell(value, "N2");

    private static string Amount(double value) => Text(value, "N2");

    internal static ViewCell Signed(double value) =>
        new(Text(value, "N2"), CellStyle.Number | (value < 0 ? CellStyle.Bad : value > 0 ? CellStyle.Good : CellStyle.None));

    private static ViewCell Cell(double value, string format) =>
        new(Text(value, format), CellStyle.Number | (double.IsNaN(value) ? CellStyle.Muted : CellStyle.None));

    private static string Held(TimeSpan? span) => span is { } s ? DisplayText.Duration(s) : DisplayText.Missing;
}
