namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>The trade-based figures of <see cref="BacktestStatistics"/> (see its properties for the definitions).</summary>
internal sealed record TradeFigures(
    int Wins, int Losses, double WinRate, double ProfitFactor, double Expectancy, double NetPnl,
    TimeSpan? MeanHolding, TimeSpan? MedianHolding, TimeSpan? MaxHolding, double Exposure, double Notional, CostBreakdown Costs)
{
    public static TradeFigures Of(IReadOnlyList<BacktestTrade> trades, long start, long end, StatisticsOptions options)
    {
        int wins = 0, losses = 0;
        double won = 0, lost = 0, net = 0, notional = 0, spread = 0, commission = 0, slippage = 0, swap = 0, gross = 0;
        var holdings = new long[trades.Count];
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            var pnl = t.NetPnl;
            net += pnl;
            if (pnl > 0)
            {
                wins++;
                won += pnl;
            }
            else if (pnl < 0)
            {
                losses++;
                lost -= pnl;
            }
            notional += t.Lots * options.LotSize * (t.EntryPrice + t.ExitPrice) * options.QuoteToAccountRate;
            spread += t.SpreadCost;
            commission += t.Commission;
            slippage += t.SlippageCost;
            swap += t.Swap;
            gross += t.GrossPnl;
            holdings[i] = t.ExitTime - t.EntryTime;
        }
        var count = trades.Count;
        var profitFactor = losses > 0 ? won / lost : wins > 0 ? double.PositiveInfinity : double.NaN;
        TimeSpan? mean = null, median = null, max = null;
        if (count > 0)
        {
            Array.Sort(holdings);
            mean = Micros(holdings.Average(h => (double)h));
            median = Micros(count % 2 == 1 ? holdings[count / 2] : (holdings[(count / 2) - 1] + (double)holdings[count / 2]) / 2);
            max = Micros(holdings[^1]);
        }
        return new TradeFigures(wins, losses, count > 0 ? (double)wins / count : double.NaN, profitFactor,
            count > 0 ? net / count : double.NaN, net, mean, median, max, MergedExposure(trades, start, end), notional,
            new CostBreakdown(spread, commission, slippage, swap, gross));
    }

    /// <summary>Length of the union of the trades' [entry, exit] intervals clipped to [start, end], over end − start.</summary>
    private static double MergedExposure(IReadOnlyList<BacktestTrade> trades, long start, long end)
    {
        var intervals = trades.Select(t => (From: Math.Max(t.EntryTime, start), To: Math.Min(t.ExitTime, end)))
            .Where(x => x.To > x.From).OrderBy(x => x.From).ThenBy(x => x.To).ToArray();
        long covered = 0, from = long.MinValue, to = long.MinValue;
        foreach (var (f, t) in intervals)
        {
            if (f > to)
            {
                covered += to - from;
                (from, to) = (f, t);
            }
            else
            {
                to = Math.Max(to, t);
            }
        }
        covered += to - from;
        return (double)covered / (end - start);
    }

    private static TimeSpan Micros(double micros) => TimeSpan.FromTicks((long)Math.Round(micros * 10));
}
