using System.Globalization;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Execution;

public sealed partial class DemoExecutor
{
    /// <summary>As the backtester's <see cref="SignalStrategy"/>: of the queued signals the tick reaches, the latest acts and the others are superseded.</summary>
    private void DecideDue(SymbolBook book, long t, List<ExecutionRecord> written)
    {
        var due = book.Queue.TakeWhile(q => q.Signal.TimeMicros <= t).ToList();
        for (var i = 0; i < due.Count - 1; i++)
        {
            Write(SignalRecord(ExecutionRecordType.SignalSkipped, book, due[i].Signal, due[i].Id, t) with { Reason = "superseded" }, written);
        }
        if (due.Count > 0)
        {
            Decide(book, due[^1].Signal, due[^1].Id, t, written);
        }
    }

    /// <summary>Decides a signal at decision time <paramref name="t"/>: expiry, age, what it asks, the risk limits, then the orders.</summary>
    private (SignalStatus Status, string? Reason) Decide(SymbolBook book, TradeSignal signal, string id, long t, List<ExecutionRecord> written)
    {
        (SignalStatus, string?) Refuse(ExecutionRecordType type, string reason)
        {
            Write(SignalRecord(type, book, signal, id, t) with { Reason = reason }, written);
            return (type == ExecutionRecordType.SignalRejected ? SignalStatus.Rejected : SignalStatus.Skipped, reason);
        }

        if (t >= signal.ExpiryMicros)
        {
            return Refuse(ExecutionRecordType.SignalSkipped, "expired");
        }
        var risk = _options.Risk;
        var age = t - signal.TimeMicros;
        if (age > risk.MaxSignalAge.Ticks / 10)
        {
            return Refuse(ExecutionRecordType.SignalRejected, $"stale: {age / 1000} ms old, the limit is {risk.MaxSignalAge.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");
        }
        var orders = new OrderList();
        if (!_options.Trading.Apply(signal, book.Account, orders))
        {
            return Refuse(ExecutionRecordType.SignalSkipped,
                signal.Action != SignalAction.Flat && signal.Confidence < _options.Trading.MinConfidence ? "low-confidence" : "no-change");
        }
        var items = orders.Items.ToArray();
        if (items.Any(o => o.Kind == OrderKind.Market) && RiskBreach(book, t, items.Length) is { } breach)
        {
            return Refuse(ExecutionRecordType.SignalRejected, breach);
        }
        var lots = _options.Backtest.Sizing.Value;
        var rng = _rng;
        var journalOrders = new List<JournalOrder>(items.Length);
        for (var k = 0; k < items.Length; k++)
        {
            var r = items[k];
            var arrival = t + _latency + (_jitter > 0 ? (long)(NextRandom(ref rng) % (ulong)(_jitter + 1)) : 0);
            journalOrders.Add(new JournalOrder($"{id}-{k + 1}", r.Kind, r.Side, r.Kind == OrderKind.Market ? lots : 0, arrival, r.Expiry));
        }
        Write(SignalRecord(ExecutionRecordType.OrdersSubmitted, book, signal, id, t) with { Orders = journalOrders }, written);
        return (SignalStatus.Acted, null);
    }

    /// <summary>The first risk limit an opening decision breaks, or null.</summary>
    private string? RiskBreach(SymbolBook book, long t, int orderCount)
    {
        var risk = _options.Risk;
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        var lots = _options.Backtest.Sizing.Value;
        if (lots > risk.MaxLotsPerPosition)
        {
            return $"max-lots: {F(lots)} lots > {F(risk.MaxLotsPerPosition)}";
        }
        var others = _books.Values.Count(b => b != book && (b.Account.Positions.Count > 0 || b.Account.PendingEntries > 0));
        if (others >= risk.MaxOpenPositions)
        {
            return $"max-open-positions: {others} other symbols open, the limit is {risk.MaxOpenPositions}";
        }
        var day = TickTime.DayNumber(t);
        if (_dailyNet.TryGetValue(day, out var net) && net <= -risk.MaxDailyLoss)
        {
            return $"max-daily-loss: {F(Math.Round(net, 2))} realised on {TickTime.Date(t):yyyy-MM-dd}, the limit is {F(risk.MaxDailyLoss)}";
        }
        var recent = _orderTimes.Count(o => o > t - MinuteMicros && o <= t);
        if (recent + orderCount > risk.MaxOrdersPerMinute)
        {
            return $"max-orders-per-minute: {recent} in the last minute + {orderCount} > {risk.MaxOrdersPerMinute}";
        }
        return null;
    }

    private static ExecutionRecord SignalRecord(ExecutionRecordType type, SymbolBook book, TradeSignal signal, string id, long t) => new()
    {
        Type = type, Symbol = book.Instrument.Symbol, Clock = t, SignalId = id, Signal = TradeSignalJson.Serialize(signal),
    };
}
