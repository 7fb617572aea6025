using System.Text.Json;
using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Statistics;
using TickKernelExtensions.Charts;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Tests.Display;
using static TickKernelExtensions.Tests.Backtesting.Statistics.StatisticsSamples;

namespace TickKernelExtensions.Tests.Backtesting.Statistics;

[Collection(FormatterCollection.Name)]
public sealed class BacktestReportTests
{
    private static readonly Provenance Hashes = new("data-sha", "config-sha", "model-sha");

    public BacktestReportTests() => Formatter.ResetToDefault();

    private static BacktestReport Report(EquityCurve? equity = null, BacktestTrade[]? trades = null) =>
        BacktestReport.Create("EURUSD demo", equity ?? FiveDays(), trades ?? FourTrades(), Hashes, new StatisticsOptions { Trials = new SharpeTrials(4, 0.25) });

    private static TickColumns Ticks()
    {
        var ticks = new TickColumns();
        for (var i = 0; i <= 60; i++)
        {
            var bid = 1.0 + (0.001 * Math.Sin(i / 5.0));
            ticks.Add(At(0, i / 6.0), bid, bid + 0.0001, 1, 1);
        }
        return ticks;
    }

    [Fact]
    public void ToJson_SameInputsTwice_IsByteIdentical()
    {
        Assert.Equal(Report().ToJson(), Report().ToJson());
    }

    [Fact]
    public void ToJson_Report_HasFixedLayoutRoundTripNumbersAndNamedNonFiniteValues()
    {
        var allWins = new[] { Trade(TradeSide.Long, At(0, 23), At(1, 1), 10.1, 0.1, 0, 0, 0) };

        var json = Report(trades: allWins).ToJson();

        Assert.StartsWith("{\"title\":\"EURUSD demo\",\"provenance\":{\"dataHash\":\"data-sha\",\"configHash\":\"config-sha\",\"modelHash\":\"model-sha\"},\"statistics\":{\"start\":\"2026-11-02T22:00:00.000000Z\",", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["title", "provenance", "statistics", "trades", "equity"], root.EnumerateObject().Select(p => p.Name));
        var statistics = root.GetProperty("statistics");
        Assert.Equal("Infinity", statistics.GetProperty("profitFactor").GetString());
        Assert.Equal(1.0, statistics.GetProperty("winRate").GetDouble());
        Assert.Equal(0.1979, statistics.GetProperty("totalReturn").GetDouble(), 1e-12);
        Assert.Equal(259_200, statistics.GetProperty("maxDrawdownDurationSeconds").GetDouble());
        Assert.Equal(4, statistics.GetProperty("options").GetProperty("trials").GetProperty("count").GetInt32());
        var trade = root.GetProperty("trades")[0];
        Assert.Equal("long", trade.GetProperty("side").GetString());
        Assert.Equal(10.0, trade.GetProperty("netPnl").GetDouble(), 1e-12);
        Assert.Equal(119.79, root.GetProperty("equity").GetProperty("values")[4].GetDouble());
        Assert.Equal(At(4, 22), root.GetProperty("equity").GetProperty("times")[4].GetInt64());
    }

    [Fact]
    public void ToHtmlDocument_SameInputsTwice_IsByteIdenticalAndOffline()
    {
        var first = Report().ToHtmlDocument(BacktestCharts.Trades(Ticks(), FourTrades(), "EURUSD"));
        var second = Report().ToHtmlDocument(BacktestCharts.Trades(Ticks(), FourTrades(), "EURUSD"));

        Assert.Equal(first, second);
        Assert.Contains("<title>Backtest report: EURUSD demo</title>", first, StringComparison.Ordinal);
        Assert.Contains("-1\"></div>", first, StringComparison.Ordinal);
        Assert.Contains("-2\"></div>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", first, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_ReportStatisticsAndFoldTable_RenderTheViewAsHtmlAndText()
    {
        var report = Report();
        var folds = FoldStatisticsTable.Create([("fold 1", report.Statistics), ("fold 2", BacktestStatistics.Compute(TradingMonday(), FourTrades()))]);

        foreach (var value in new object[] { report, report.Statistics, folds })
        {
            var html = value.ToDisplayString("text/html");
            HtmlAssert.WellFormed(html);
            Assert.Contains("<table", html, StringComparison.Ordinal);
            Assert.Equal(["text/html"], Formatter.GetPreferredMimeTypesFor(value.GetType()));
            Assert.DoesNotContain(" = ", value.ToDisplayString("text/plain"), StringComparison.Ordinal);
        }
        var text = report.ToString();
        Assert.Contains("Backtest EURUSD demo", text, StringComparison.Ordinal);
        Assert.Contains("19.79 %", text, StringComparison.Ordinal);
        Assert.Contains("config-sha", text, StringComparison.Ordinal);
        Assert.Contains("Max drawdown duration (to recovery)", text, StringComparison.Ordinal);
        var foldText = folds.ToString();
        Assert.Contains("fold 1", foldText, StringComparison.Ordinal);
        Assert.Contains("fold 2", foldText, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EmptyModelHash_ThrowsNamingTheField()
    {
        var e = Assert.Throws<StatisticsException>(() => BacktestReport.Create("x", FiveDays(), [], Hashes with { ModelHash = " " }));

        Assert.Equal("provenance.ModelHash", e.Field);
    }

    [Fact]
    public void Create_RepeatedFoldName_ThrowsNamingTheRow()
    {
        var s = BacktestStatistics.Compute(FiveDays(), []);

        var e = Assert.Throws<StatisticsException>(() => FoldStatisticsTable.Create([("a", s), ("b", s), ("a", s)]));

        Assert.Equal(2, e.Row);
    }

    [Fact]
    public void Create_LaterChangesToTheCurve_DoNotReachTheReport()
    {
        var curve = FiveDays();
        var report = Report(curve);

        curve.Add(At(5, 22), 1);

        Assert.Equal(5, report.Equity.Count);
    }
}
