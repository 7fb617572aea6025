namespace Backtest.Bench;

/// <summary>What a backtest of the plain strategy produced, summed over the parts: round trips, long ones, and P&amp;L in USD.</summary>
internal readonly record struct Outcome(long Trades, long LongTrades, double Pnl)
{
    public static Outcome operator +(Outcome a, Outcome b) => new(a.Trades + b.Trades, a.LongTrades + b.LongTrades, a.Pnl + b.Pnl);
}
