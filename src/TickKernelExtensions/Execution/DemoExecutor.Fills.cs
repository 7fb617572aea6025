using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Execution;

public sealed partial class DemoExecutor
{
    /// <summary>
    /// The backtester's order events on one tick, in submission order: an order whose arrival is strictly before the
    /// tick acts (or, past its expiry, is dropped); a market entry fills, a close closes every position of the symbol
    /// (newest first), a cancel removes the earlier pending entries.
    /// </summary>
    private void ActOnArrivals(SymbolBook book, long t, double bid, double ask, List<ExecutionRecord> written)
    {
        foreach (var o in book.Pending.ToArray())
        {
            if (!book.Pending.Contains(o) || t <= o.Order.Arrival)
            {
                continue;
            }
            var symbol = book.Instrument.Symbol;
            if (t >= o.Order.Expiry)
            {
                Write(new ExecutionRecord { Type = ExecutionRecordType.OrderExpired, Symbol = symbol, Clock = t, OrderId = o.Order.OrderId }, written);
                continue;
            }
            switch (o.Order.Kind)
            {
                case OrderKind.Market:
                    Write(Fill(book, o.Order, t, bid, ask), written);
                    break;
                case OrderKind.Close:
                    for (var p = book.Account.Positions.Count - 1; p >= 0; p--)
                    {
                        Write(Close(book, book.Account.Positions[p], o.Order.OrderId, t, bid, ask, "signal"), written);
                    }
                    Write(new ExecutionRecord { Type = ExecutionRecordType.OrderDone, Symbol = symbol, Clock = t, OrderId = o.Order.OrderId }, written);
                    break;
                case OrderKind.CancelPending:
                    Write(new ExecutionRecord
                    {
                        Type = ExecutionRecordType.OrderDone, Symbol = symbol, Clock = t, OrderId = o.Order.OrderId,
                        Cancelled = [.. book.Pending.Where(e => e.Order.Kind == OrderKind.Market && e.Sequence < o.Sequence).Select(e => e.Order.OrderId)],
                    }, written);
                    break;
                default:
                    throw new InvalidOperationException($"Order kind {o.Order.Kind} is never submitted by the demo executor.");
            }
        }
    }

    /// <summary>The engine's market entry: a buy at the ask, a sell at the bid, slipped; commission per lot.</summary>
    private ExecutionRecord Fill(SymbolBook book, JournalOrder order, long t, double bid, double ask)
    {
        var s = (int)order.Side;
        var quote = order.Side == TradeSide.Long ? ask : bid;
        var price = quote + (s * _options.Backtest.Slippage.Distance(bid, ask, book.Instrument.Point));
        var commission = order.Lots * _options.Backtest.CommissionPerLot;
        return new ExecutionRecord
        {
            Type = ExecutionRecordType.Fill, Symbol = book.Instrument.Symbol, Clock = t, OrderId = order.OrderId,
            PositionId = _positionIds + 1, Side = order.Side, Lots = order.Lots,
            Price = price, Quote = quote, Mid = (bid + ask) * 0.5, Commission = commission, Balance = _balance - commission,
        };
    }

    /// <summary>The engine's close: a long sells at the bid, a short buys at the ask, slipped; the whole trade converts at the exit's rate.</summary>
    private ExecutionRecord Close(SymbolBook book, OpenPosition p, string orderId, long t, double bid, double ask, string reason)
    {
        var s = (int)p.Side;
        var quote = p.Side == TradeSide.Long ? bid : ask;
        var price = quote - (s * _options.Backtest.Slippage.Distance(bid, ask, book.Instrument.Point));
        var mid = (bid + ask) * 0.5;
        var k = p.Units * book.Conversion(bid, ask);
        var gross = s * (mid - p.EntryMid) * k;
        var spread = ((s * (p.EntryQuote - p.EntryMid)) + (s * (mid - quote))) * k;
        var slippage = ((s * (p.EntryPrice - p.EntryQuote)) + (s * (quote - price))) * k;
        var exitCommission = p.Lots * _options.Backtest.CommissionPerLot;
        var cash = (s * (price - p.EntryPrice) * k) - exitCommission;
        return new ExecutionRecord
        {
            Type = ExecutionRecordType.PositionClosed, Symbol = book.Instrument.Symbol, Clock = t, OrderId = orderId,
            PositionId = p.Id, Side = p.Side, Lots = p.Lots, Price = price, Quote = quote, Mid = mid,
            Commission = p.EntryCommission + exitCommission, GrossPnl = gross, SpreadCost = spread, SlippageCost = slippage,
            Cash = cash, Balance = _balance + cash, Reason = reason,
        };
    }
}
