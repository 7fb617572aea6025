using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Execution;

public sealed partial class DemoExecutor
{
    /// <summary>Rebuilds the state from an opened journal's records (the same <see cref="Apply"/> the live path uses).</summary>
    private void Replay(IReadOnlyList<ExecutionRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }
        var start = records[0];
        var currency = _options.Backtest.AccountCurrency.Trim();
        if (start.Type != ExecutionRecordType.Start || start.Balance != _options.Backtest.InitialBalance
            || !string.Equals(start.Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            throw new ExecutionException(ExecutionErrorKind.JournalMismatch, "The journal belongs to another account than these options describe.")
            {
                File = _journal.Path, Line = 1, Field = "start",
                Expected = $"start with balance {_options.Backtest.InitialBalance} {currency}",
                Actual = $"{start.Type} with balance {start.Balance} {start.Currency}",
            };
        }
        foreach (var record in records)
        {
            Apply(record);
        }
    }

    /// <summary>The one place the state changes: what a record says happened.</summary>
    private void Apply(ExecutionRecord r)
    {
        var book = r.Symbol is not null && _catalog.TryGet(r.Symbol, out var instrument) && r.Type != ExecutionRecordType.Start
            && (r.Type != ExecutionRecordType.SignalRejected || _options.Risk.Allows(instrument.Symbol))
            ? Book(instrument.Symbol) : null;
        if (book is not null && r.Clock is { } clock && (book.Clock is null || clock > book.Clock))
        {
            book.Clock = clock;
        }
        if (r.SignalId is { } signalId)
        {
            _seen.Add(signalId);
            if (r.Type != ExecutionRecordType.SignalQueued)
            {
                book?.Queue.RemoveAll(q => q.Id == signalId);
            }
        }
        switch (r.Type)
        {
            case ExecutionRecordType.Start:
                _balance = r.Balance!.Value;
                break;
            case ExecutionRecordType.SignalQueued:
                book!.Enqueue(TradeSignalJson.Deserialize(r.Signal!), r.SignalId!, r.Seq);
                break;
            case ExecutionRecordType.OrdersSubmitted:
                foreach (var order in r.Orders!)
                {
                    var pending = new DemoOrder(order, ++_orderSequence);
                    book!.Pending.Add(pending);
                    book.CountPending(pending, +1);
                    _orderTimes.Add(r.Clock!.Value);
                    if (_jitter > 0)
                    {
                        NextRandom(ref _rng);
                    }
                }
                _orderTimes.RemoveAll(o => o <= r.Clock!.Value - MinuteMicros);
                break;
            case ExecutionRecordType.Fill:
                RemovePending(book!, r.OrderId!);
                var lots = r.Lots!.Value;
                book!.Account.Open(new OpenPosition
                {
                    Id = r.PositionId!.Value, Side = r.Side!.Value, Lots = lots, Units = lots * book.Contract.ContractSize,
                    EntryTime = r.Clock!.Value, EntryPrice = r.Price!.Value, EntryQuote = r.Quote!.Value, EntryMid = r.Mid!.Value,
                    EntryCommission = r.Commission!.Value, StopLoss = double.NaN, TakeProfit = double.NaN,
                });
                _positionIds = Math.Max(_positionIds, r.PositionId.Value);
                _balance = r.Balance!.Value;
                break;
            case ExecutionRecordType.PositionClosed:
                var position = book!.Account.Positions.First(p => p.Id == r.PositionId);
                book.Account.Remove(position);
                _balance = r.Balance!.Value;
                var trade = new BacktestTrade(book.Instrument.Symbol, position.Side, position.Lots, position.EntryTime, position.EntryPrice,
                    r.Clock!.Value, r.Price!.Value, r.GrossPnl!.Value, r.SpreadCost!.Value, r.SlippageCost!.Value, r.Commission!.Value, 0, r.Reason ?? "signal");
                _trades.Add(trade);
                var day = TickTime.DayNumber(r.Clock.Value);
                _dailyNet[day] = _dailyNet.GetValueOrDefault(day) + trade.NetPnl;
                break;
            case ExecutionRecordType.OrderDone:
                RemovePending(book!, r.OrderId!);
                foreach (var cancelled in r.Cancelled ?? [])
                {
                    RemovePending(book!, cancelled);
                }
                break;
            case ExecutionRecordType.OrderExpired:
                RemovePending(book!, r.OrderId!);
                break;
            case ExecutionRecordType.SignalRejected:
            case ExecutionRecordType.SignalSkipped:
                break;
            default:
                throw new ExecutionException(ExecutionErrorKind.CorruptJournal, "The journal holds a record type this version does not know.")
                { File = _journal.Path, Field = "type", Actual = r.Type.ToString() };
        }
    }

    private static void RemovePending(SymbolBook book, string orderId)
    {
        var index = book.Pending.FindIndex(o => o.Order.OrderId == orderId);
        if (index >= 0)
        {
            book.CountPending(book.Pending[index], -1);
            book.Pending.RemoveAt(index);
        }
    }
}
