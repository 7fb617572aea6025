using System.Globalization;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Backtesting.Engine;

internal sealed partial class BacktestRun
{
    /// <summary>Validates and queues the callback's orders; decision time = <paramref name="t"/>.</summary>
    private void Submit(long t, double bid, double ask)
    {
        foreach (ref readonly var order in _orders.Items)
        {
            Validate(order, t);
            var arrival = t + _latency + (_jitter > 0 ? (long)(NextRandom() % (ulong)(_jitter + 1)) : 0);
            var pending = new PendingOrder { Sequence = ++_sequence, Request = order, DecisionTime = t, Arrival = arrival };
            _pending.Add(pending);
            _countOrders++;
            CountPending(pending, +1);
        }
        RecomputeTriggers();
    }

    /// <summary>Everything that can happen on a tick besides callbacks: rollovers, stops, arrivals, limit crossings, expiries.</summary>
    private void Events(int i, long t, double bid, double ask)
    {
        var changed = false;
        var rolled = false;
        while (t >= _nextRollover)
        {
            changed |= Rollover(_nextRollover, t, bid, ask);
            _nextRollover = _rollovers.NextAfter(_nextRollover);
            rolled = true;
        }
        changed |= CheckStops(i, t, bid, ask);
        for (var k = 0; k < _pending.Count; k++)
        {
            var o = _pending[k];
            if (t <= o.Arrival)
            {
                continue;
            }
            o.Arrived = true;
            if (t >= o.Request.Expiry)
            {
                _expired++;
                RemovePending(k--);
                changed = true;
                continue;
            }
            var r = o.Request;
            switch (r.Kind)
            {
                case OrderKind.Market:
                    Enter(o, i, t, bid, ask, market: true);
                    RemovePending(k--);
                    changed = true;
                    break;
                case OrderKind.Limit:
                    if (r.Side == TradeSide.Long ? ask <= r.LimitPrice : bid >= r.LimitPrice)
                    {
                        Enter(o, i, t, bid, ask, market: false);
                        RemovePending(k--);
                        changed = true;
                    }
                    break;
                case OrderKind.Close:
                    for (var p = _account.Count - 1; p >= 0; p--)
                    {
                        var position = _account.List[p];
                        if (r.PositionId == 0 || r.PositionId == position.Id)
                        {
                            ClosePosition(position, t, bid, ask, r.Reason ?? "signal", slipped: true);
                        }
                    }
                    RemovePending(k--);
                    changed = true;
                    break;
                case OrderKind.CancelPending:
                    for (var m = _pending.Count - 1; m >= 0; m--)
                    {
                        if (_pending[m].IsEntry && _pending[m].Sequence < o.Sequence)
                        {
                            _cancelled++;
                            RemovePending(m);
                            if (m < k)
                            {
                                k--;
                            }
                        }
                    }
                    RemovePending(k--);
                    changed = true;
                    break;
            }
        }
        if (changed)
        {
            Sample(t, bid, ask);
        }
        if (changed || rolled)
        {
            RecomputeTriggers();
        }
    }

    private void RemovePending(int index)
    {
        CountPending(_pending[index], -1);
        _pending.RemoveAt(index);
    }

    private void CountPending(PendingOrder o, int delta)
    {
        if (!o.IsEntry)
        {
            return;
        }
        if (o.Request.Side == TradeSide.Long)
        {
            _account.PendingLongEntries += delta;
        }
        else
        {
            _account.PendingShortEntries += delta;
        }
    }

    /// <summary>Fills an entry at this tick's quote: a buy at the ask, a sell at the bid; market orders also slip.</summary>
    private void Enter(PendingOrder o, int i, long t, double bid, double ask, bool market)
    {
        var r = o.Request;
        var s = (int)r.Side;
        var quote = r.Side == TradeSide.Long ? ask : bid;
        var price = market ? quote + (s * _options.Slippage.Distance(bid, ask, _point)) : quote;
        var conversion = Conversion(bid, ask);
        var stop = double.IsFinite(r.StopLoss) ? r.StopLoss : double.IsFinite(r.StopLossDistance) ? price - (s * r.StopLossDistance) : double.NaN;
        var target = double.IsFinite(r.TakeProfit) ? r.TakeProfit : double.IsFinite(r.TakeProfitDistance) ? price + (s * r.TakeProfitDistance) : double.NaN;
        var equity = _account.Balance + _account.Unrealized(bid, ask, conversion);
        double lots;
        if (double.IsFinite(r.Lots))
        {
            lots = r.Lots;
        }
        else if (_options.Sizing.Kind == SizingKind.FixedLots)
        {
            lots = _options.Sizing.Value;
        }
        else
        {
            var risk = s * (price - stop);
            var perLot = risk * _contract.ContractSize * conversion;
            lots = perLot > 0 ? Math.Floor((_options.Sizing.Value * equity / perLot / _contract.LotStep) + 1e-9) * _contract.LotStep : 0;
            if (lots < _contract.MinLots - 1e-12)
            {
                _rejectedSize++;
                return;
            }
        }
        var units = lots * _contract.ContractSize;
        var mid = (bid + ask) * 0.5;
        var needed = units * mid * conversion / _options.Leverage;
        if (_account.UsedMarginAt(bid, ask, conversion) + needed > equity)
        {
            _rejectedMargin++;
            return;
        }
        var commission = lots * _options.CommissionPerLot;
        _account.Balance -= commission;
        _account.Open(new OpenPosition
        {
            Id = ++_positionIds,
            Side = r.Side,
            Lots = lots,
            Units = units,
            EntryTime = t,
            EntryIndex = i,
            EntryPrice = price,
            EntryQuote = quote,
            EntryMid = mid,
            EntryCommission = commission,
            StopLoss = stop,
            TakeProfit = target,
        });
        _countEntries++;
    }

    private void Validate(in OrderRequest r, long t)
    {
        var errors = new List<string>(0);
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (!Enum.IsDefined(r.Kind))
        {
            errors.Add($"{nameof(r.Kind)} has an unknown value {(int)r.Kind}");
        }
        if (r.Kind is OrderKind.Market or OrderKind.Limit)
        {
            if (r.Side is not (TradeSide.Long or TradeSide.Short))
            {
                errors.Add($"{nameof(r.Side)} must be Long or Short, was {(int)r.Side}");
            }
            if (!double.IsNaN(r.Lots) && !(r.Lots > 0 && double.IsFinite(r.Lots)))
            {
                errors.Add($"{nameof(r.Lots)} must be positive (or NaN to use the sizing rule), was {F(r.Lots)}");
            }
            if (r.Kind == OrderKind.Limit && !(r.LimitPrice > 0 && double.IsFinite(r.LimitPrice)))
            {
                errors.Add($"{nameof(r.LimitPrice)} must be a positive price, was {F(r.LimitPrice)}");
            }
            Price(errors, nameof(r.StopLoss), r.StopLoss);
            Price(errors, nameof(r.TakeProfit), r.TakeProfit);
            Price(errors, nameof(r.StopLossDistance), r.StopLossDistance);
            Price(errors, nameof(r.TakeProfitDistance), r.TakeProfitDistance);
            var s = (int)r.Side;
            if (double.IsFinite(r.StopLoss) && double.IsFinite(r.TakeProfit) && s * (r.TakeProfit - r.StopLoss) <= 0)
            {
                errors.Add($"a {r.Side} needs its {nameof(r.StopLoss)} {(s > 0 ? "below" : "above")} its {nameof(r.TakeProfit)}, was stop {F(r.StopLoss)}, target {F(r.TakeProfit)}");
            }
            if (r.Kind == OrderKind.Limit && double.IsFinite(r.StopLoss) && s * (r.LimitPrice - r.StopLoss) <= 0)
            {
                errors.Add($"a {r.Side} limit needs its {nameof(r.StopLoss)} {(s > 0 ? "below" : "above")} the limit {F(r.LimitPrice)}, was {F(r.StopLoss)}");
            }
            if (double.IsNaN(r.Lots) && _options.Sizing.Kind == SizingKind.FixedFraction && double.IsNaN(r.StopLoss) && double.IsNaN(r.StopLossDistance))
            {
                errors.Add($"fixed-fraction sizing needs a {nameof(r.StopLoss)} or {nameof(r.StopLossDistance)} (or explicit {nameof(r.Lots)})");
            }
        }
        if (r.Kind == OrderKind.Close && r.PositionId < 0)
        {
            errors.Add($"{nameof(r.PositionId)} must be ≥ 0, was {r.PositionId}");
        }
        if (r.Expiry <= t)
        {
            errors.Add($"{nameof(r.Expiry)} must be after the decision time {TickTime.FromMicros(t):O}, was {r.Expiry} µs (use long.MaxValue for none)");
        }
        if (errors.Count > 0)
        {
            throw new BacktestException(BacktestErrorKind.InvalidOrder,
                $"Invalid {r.Kind} order submitted at {TickTime.FromMicros(t):O}: {string.Join("; ", errors)}.")
            { Field = "order", Actual = r.ToString() };
        }
    }

    private static void Price(List<string> errors, string name, double value)
    {
        if (!double.IsNaN(value) && !(value > 0 && double.IsFinite(value)))
        {
            errors.Add($"{name} must be positive (or NaN for none), was {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>SplitMix64: a fixed algorithm (System.Random's is not a contract), so jitter is the same on every runtime.</summary>
    private ulong NextRandom()
    {
        var z = _rng += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Recomputes the levels and the time at which the hot loop must leave its fast path.</summary>
    private void RecomputeTriggers()
    {
        double bidLow = double.NegativeInfinity, bidHigh = double.PositiveInfinity;
        double askLow = double.NegativeInfinity, askHigh = double.PositiveInfinity;
        var next = _nextRollover;
        foreach (var p in _account.List)
        {
            if (p.Side == TradeSide.Long)
            {
                bidLow = double.IsFinite(p.StopLoss) ? Math.Max(bidLow, p.StopLoss) : bidLow;
                bidHigh = double.IsFinite(p.TakeProfit) ? Math.Min(bidHigh, p.TakeProfit) : bidHigh;
            }
            else
            {
                askHigh = double.IsFinite(p.StopLoss) ? Math.Min(askHigh, p.StopLoss) : askHigh;
                askLow = double.IsFinite(p.TakeProfit) ? Math.Max(askLow, p.TakeProfit) : askLow;
            }
        }
        foreach (var o in _pending)
        {
            if (!o.Arrived)
            {
                next = Math.Min(next, o.Arrival + 1);
            }
            next = Math.Min(next, o.Request.Expiry);
            if (o.Request.Kind == OrderKind.Limit)
            {
                if (o.Request.Side == TradeSide.Long)
                {
                    askLow = Math.Max(askLow, o.Request.LimitPrice);
                }
                else
                {
                    bidHigh = Math.Min(bidHigh, o.Request.LimitPrice);
                }
            }
        }
        (_bidLow, _bidHigh, _askLow, _askHigh, _nextEvent) = (bidLow, bidHigh, askLow, askHigh, next);
    }
}
