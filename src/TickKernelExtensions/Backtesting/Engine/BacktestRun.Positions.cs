using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Backtesting.Engine;

internal sealed partial class BacktestRun
{
    /// <summary>
    /// Stop-losses and take-profits of positions opened on earlier ticks. They trigger on the exit side's price (a
    /// long on the bid, a short on the ask) and fill at this tick's quote: a stop gapped through fills at the worse
    /// quote and slips like a market order; a take-profit gapped through fills at the (better) quote without slippage.
    /// </summary>
    private bool CheckStops(int i, long t, double bid, double ask)
    {
        var changed = false;
        for (var k = _account.Count - 1; k >= 0; k--)
        {
            var p = _account.List[k];
            if (p.EntryIndex >= i)
            {
                continue;
            }
            var exit = p.Side == TradeSide.Long ? bid : ask;
            var s = (int)p.Side;
            if (double.IsFinite(p.StopLoss) && s * (exit - p.StopLoss) <= 0)
            {
                ClosePosition(p, t, bid, ask, "stop-loss", slipped: true);
                _stopLosses++;
                changed = true;
            }
            else if (double.IsFinite(p.TakeProfit) && s * (exit - p.TakeProfit) >= 0)
            {
                ClosePosition(p, t, bid, ask, "take-profit", slipped: false);
                _takeProfits++;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>
    /// Closes a position at this tick: a long sells at the bid, a short buys at the ask (minus/plus slippage when
    /// <paramref name="slipped"/>). The whole trade converts to account currency at the exit's rate.
    /// </summary>
    private void ClosePosition(OpenPosition p, long t, double bid, double ask, string reason, bool slipped)
    {
        var s = (int)p.Side;
        var quote = p.Side == TradeSide.Long ? bid : ask;
        var price = slipped ? quote - (s * _options.Slippage.Distance(bid, ask, _point)) : quote;
        var conversion = Conversion(bid, ask);
        var mid = (bid + ask) * 0.5;
        var k = p.Units * conversion;
        var gross = s * (mid - p.EntryMid) * k;
        var spread = ((s * (p.EntryQuote - p.EntryMid)) + (s * (mid - quote))) * k;
        var slippage = ((s * (p.EntryPrice - p.EntryQuote)) + (s * (quote - price))) * k;
        var exitCommission = p.Lots * _options.CommissionPerLot;
        _account.Balance += (s * (price - p.EntryPrice) * k) - exitCommission;
        _account.Remove(p);
        _trades.Add(new BacktestTrade(_instrument.Symbol, p.Side, p.Lots, p.EntryTime, p.EntryPrice, t, price,
            gross, spread, slippage, p.EntryCommission + exitCommission, p.Swap, reason));
    }

    /// <summary>
    /// Margin call: while equity / used margin is below the stop-out level, close the position with the largest loss
    /// at this tick's quotes (with slippage).
    /// </summary>
    private void CheckMargin(long t, double bid, double ask)
    {
        var conversion = Conversion(bid, ask);
        var called = false;
        while (_account.Count > 0)
        {
            var used = _account.UsedMarginAt(bid, ask, conversion);
            var equity = _account.Balance + _account.Unrealized(bid, ask, conversion);
            if (used <= 0 || equity >= _options.StopOutLevel * used)
            {
                break;
            }
            OpenPosition? worst = null;
            var worstPnl = double.PositiveInfinity;
            foreach (var p in _account.List)
            {
                var pnl = (int)p.Side * ((p.Side == TradeSide.Long ? bid : ask) - p.EntryPrice) * p.Units;
                if (pnl < worstPnl)
                {
                    (worst, worstPnl) = (p, pnl);
                }
            }
            ClosePosition(worst!, t, bid, ask, "margin-call", slipped: true);
            _marginCalls++;
            called = true;
        }
        if (called)
        {
            RecomputeTriggers();
            Sample(t, bid, ask);
        }
    }

    /// <summary>Charges one rollover instant's swap to every open position (0, 1 or 3 nights).</summary>
    private bool Rollover(long instant, long t, double bid, double ask)
    {
        var nights = _rollovers.Nights(instant);
        if (nights == 0)
        {
            return false;
        }
        _rolloverCount++;
        if (_account.Count == 0)
        {
            return false;
        }
        foreach (var p in _account.List)
        {
            var charge = p.Lots * nights * (p.Side == TradeSide.Long ? _options.SwapLongPerLot : _options.SwapShortPerLot);
            p.Swap += charge;
            _account.Balance -= charge;
        }
        Sample(t, bid, ask);
        return true;
    }
}
