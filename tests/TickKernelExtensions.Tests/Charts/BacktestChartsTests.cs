using System.Text.Json;
using Plotly.NET;
using TickKernelExtensions.Charts;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using static TickKernelExtensions.Tests.Backtesting.Statistics.StatisticsSamples;

namespace TickKernelExtensions.Tests.Charts;

public sealed class BacktestChartsTests
{
    [Fact]
    public void EquityAndDrawdown_FiveCloses_EquityLineAndUnderwaterPanelInPercent()
    {
        using var figure = Figure(BacktestCharts.EquityAndDrawdown(FiveDays(), "demo"));

        var data = figure.RootElement.GetProperty("data");
        Assert.Equal(["equity", "drawdown %"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([100, 110, 99, 108.9, 119.79], data[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        // Underwater: 0 at 100 and 110, −(110 − 99)/110 = −10 % at 99, −(110 − 108.9)/110 = −1 % at 108.9, 0 at the new high.
        var drawdown = data[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal([0, 0, -10, -1, 0], drawdown.Select(d => Math.Round(d, 9)));
        Assert.Equal("tozeroy", data[1].GetProperty("fill").GetString());
        Assert.Equal("drawdown (%)", figure.RootElement.GetProperty("layout").GetProperty("yaxis2").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Trades_OnTicks_BidLineAndEntryExitMarkersAtFillPrices()
    {
        var ticks = new TickColumns();
        for (var i = 0; i <= 12; i++)
        {
            ticks.Add(At(0, i), 1.0 + (i * 0.001), 1.0002 + (i * 0.001), 1, 1);
        }
        var trades = new[]
        {
            Trade(TradeSide.Long, At(0, 1), At(0, 2), 50, 4, 1, 3, 2, entryPrice: 1.0012, exitPrice: 1.002),
            Trade(TradeSide.Short, At(0, 5), At(0, 7), -20, 4, 0, 3, 3, entryPrice: 1.005, exitPrice: 1.0072),
        };

        using var figure = Figure(BacktestCharts.Trades(ticks, trades, "EURUSD"));

        var data = figure.RootElement.GetProperty("data");
        Assert.Equal(["bid", "long entry", "short entry", "exit"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(13, data[0].GetProperty("y").GetArrayLength());
        Assert.Equal([1.0012], data[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        // Plotly.NET writes marker symbols as plotly.js symbol numbers: 5 is triangle-up.
        Assert.Equal("5", data[1].GetProperty("marker").GetProperty("symbol").GetString());
        Assert.Equal([1.002, 1.0072], data[3].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("short 0.1 lots, net -30.00, signal", data[3].GetProperty("text")[1].GetString());
        Assert.Equal("EURUSD (2 trades)", figure.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Trades_OnBars_UsesTheCloseLine()
    {
        DateTime[] times = [Monday, Monday.AddMinutes(1)];
        var bars = new Bars(times, [1.0, 1.1], [1.2, 1.2], [0.9, 1.0], [1.1, 1.15]);

        using var figure = Figure(BacktestCharts.Trades(bars, FourTrades(), "EURUSD m1"));

        var data = figure.RootElement.GetProperty("data");
        Assert.Equal("bid close", data[0].GetProperty("name").GetString());
        Assert.Equal([1.1, 1.15], data[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(3, data[1].GetProperty("x").GetArrayLength());
    }

    private static JsonDocument Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart));
}
