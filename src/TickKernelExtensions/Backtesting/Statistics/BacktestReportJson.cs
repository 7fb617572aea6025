using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// The stable JSON form of a <see cref="BacktestReport"/>: one compact UTF-8 object whose members are written in a fixed
/// order by hand (never by reflection), camelCase, numbers in the shortest invariant form that round-trips, NaN and
/// infinities as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, times as
/// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, durations in seconds, missing values as <c>null</c>. Layout:
/// <c>{title, provenance{dataHash, configHash, modelHash}, statistics{…, costs{…}, options{…}}, trades[{…}],
/// equity{initialEquity, times[µs], values[]}}</c>. Thread safe.
/// </summary>
public static class BacktestReportJson
{
    /// <summary>Writes the report.</summary>
    public static string Serialize(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("title", report.Title);
            w.WriteStartObject("provenance");
            w.WriteString("dataHash", report.Provenance.DataHash);
            w.WriteString("configHash", report.Provenance.ConfigHash);
            w.WriteString("modelHash", report.Provenance.ModelHash);
            w.WriteEndObject();
            WriteStatistics(w, report.Statistics);
            w.WriteStartArray("trades");
            foreach (var t in report.Trades)
            {
                WriteTrade(w, t);
            }
            w.WriteEndArray();
            w.WriteStartObject("equity");
            Number(w, "initialEquity", report.Equity.InitialEquity);
            w.WriteStartArray("times");
            foreach (var t in report.Equity.Times)
            {
                w.WriteNumberValue(t);
            }
            w.WriteEndArray();
            w.WriteStartArray("values");
            foreach (var e in report.Equity.Equity)
            {
                NumberValue(w, e);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The statistics alone, as <c>{"statistics": {…}}</c> with the member the report writes.</summary>
    public static string Serialize(BacktestStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            WriteStatistics(w, statistics);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStatistics(Utf8JsonWriter w, BacktestStatistics s)
    {
        w.WriteStartObject("statistics");
        w.WriteString("start", StatisticsFormat.Time(s.Start));
        w.WriteString("end", StatisticsFormat.Time(s.End));
        Number(w, "startEquity", s.StartEquity);
        Number(w, "endEquity", s.EndEquity);
        w.WriteNumber("periods", s.Periods);
        Number(w, "totalReturn", s.TotalReturn);
        Number(w, "annualizedReturn", s.AnnualizedReturn);
        Number(w, "annualizedVolatility", s.AnnualizedVolatility);
        Number(w, "sharpe", s.Sharpe);
        Number(w, "sortino", s.Sortino);
        Number(w, "calmar", s.Calmar);
        Number(w, "maxDrawdown", s.MaxDrawdown);
        Number(w, "maxDrawdownAmount", s.MaxDrawdownAmount);
        Seconds(w, "maxDrawdownDurationSeconds", s.MaxDrawdownDuration);
        w.WriteBoolean("maxDrawdownRecovered", s.MaxDrawdownRecovered);
        Seconds(w, "longestDrawdownDurationSeconds", s.LongestDrawdownDuration);
        Number(w, "skewness", s.Skewness);
        Number(w, "kurtosis", s.Kurtosis);
        Number(w, "probabilisticSharpe", s.ProbabilisticSharpe);
        Number(w, "deflatedSharpeThreshold", s.DeflatedSharpeThreshold);
        Number(w, "deflatedSharpe", s.DeflatedSharpe);
        w.WriteNumber("tradeCount", s.TradeCount);
        w.WriteNumber("wins", s.Wins);
        w.WriteNumber("losses", s.Losses);
        Number(w, "winRate", s.WinRate);
        Number(w, "profitFactor", s.ProfitFactor);
        Number(w, "expectancy", s.Expectancy);
        Number(w, "netPnl", s.NetPnl);
        Seconds(w, "meanHoldingSeconds", s.MeanHolding);
        Seconds(w, "medianHoldingSeconds", s.MedianHolding);
        Seconds(w, "maxHoldingSeconds", s.MaxHolding);
        Number(w, "exposure", s.Exposure);
        Number(w, "turnover", s.Turnover);
        w.WriteStartObject("costs");
        Number(w, "spread", s.Costs.Spread);
        Number(w, "commission", s.Costs.Commission);
        Number(w, "slippage", s.Costs.Slippage);
        Number(w, "swap", s.Costs.Swap);
        Number(w, "total", s.Costs.Total);
        Number(w, "grossPnl", s.Costs.GrossPnl);
        Number(w, "fractionOfGross", s.Costs.FractionOfGross);
        w.WriteEndObject();
        var o = s.Options;
        w.WriteStartObject("options");
        Seconds(w, "sampleTimeOfDaySeconds", o.SampleTimeOfDay);
        w.WriteBoolean("skipWeekends", o.SkipWeekends);
        Number(w, "periodsPerYear", o.PeriodsPerYear);
        Number(w, "riskFreeRate", o.RiskFreeRate);
        Number(w, "benchmarkSharpe", o.BenchmarkSharpe);
        if (o.Trials is { } trials)
        {
            w.WriteStartObject("trials");
            w.WriteNumber("count", trials.Count);
            Number(w, "variance", trials.Variance);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("trials");
        }
        Number(w, "lotSize", o.LotSize);
        Number(w, "quoteToAccountRate", o.QuoteToAccountRate);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTrade(Utf8JsonWriter w, BacktestTrade t)
    {
        w.WriteStartObject();
        w.WriteString("symbol", t.Symbol);
        w.WriteString("side", t.Side == Modeling.Labels.TradeSide.Long ? "long" : "short");
        Number(w, "lots", t.Lots);
        w.WriteString("entryTime", StatisticsFormat.Time(t.EntryTime));
        Number(w, "entryPrice", t.EntryPrice);
        w.WriteString("exitTime", StatisticsFormat.Time(t.ExitTime));
        Number(w, "exitPrice", t.ExitPrice);
        Number(w, "grossPnl", t.GrossPnl);
        Number(w, "spreadCost", t.SpreadCost);
        Number(w, "slippageCost", t.SlippageCost);
        Number(w, "commission", t.Commission);
        Number(w, "swap", t.Swap);
        Number(w, "netPnl", t.NetPnl);
        w.WriteString("exitReason", t.ExitReason);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        NumberValue(w, value);
    }

    private static void NumberValue(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteStringValue(StatisticsFormat.Number(value));
        }
    }

    private static void Seconds(Utf8JsonWriter w, string name, TimeSpan? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v.Ticks / (double)TimeSpan.TicksPerSecond);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
