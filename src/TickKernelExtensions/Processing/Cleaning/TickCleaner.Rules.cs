using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>The per-tick rules of the cleaner, applied in sorted order; each dropped tick counts under its first reason.</summary>
public sealed partial class TickCleaner
{
    private int Clean(TickColumns input, ReadOnlySpan<int> order, TickColumns output, int start, Span<TickFlags> flags)
    {
        var ts = input.Timestamps;
        var bids = input.Bids;
        var asks = input.Asks;
        var bidVolumes = input.BidVolumes;
        var askVolumes = input.AskVolumes;
        var outTs = output.Timestamps[start..];
        var outBids = output.Bids[start..];
        var outAsks = output.Asks[start..];
        var outBidVolumes = output.BidVolumes[start..];
        var outAskVolumes = output.AskVolumes[start..];
        var kept = 0;
        foreach (var i in order)
        {
            var t = ts[i];
            var bid = bids[i];
            var ask = asks[i];
            var quote = new Quote(bid, ask, bidVolumes[i], askVolumes[i]);
            if (Judge(t, quote, _late[i], out var reason) is not { } flag)
            {
                _dropped[(int)reason]++;
                continue;
            }
            if (_gaps.Observe(t))
            {
                flag |= TickFlags.AfterGap;
            }
            if (!IsSessionOpen(t))
            {
                flag |= TickFlags.ClosedSession;
            }
            // After a gap the feed was silent, not frozen: the quote clock restarts.
            if (bid != _lastBid || ask != _lastAsk || (flag & TickFlags.AfterGap) != 0)
            {
                (_lastBid, _lastAsk, _quoteSince) = (bid, ask, t);
            }
            else if (t - _quoteSince > _staleAfterMicros)
            {
                flag |= TickFlags.Stale;
            }
            if (t != _lastTs)
            {
                _sameTimestamp.Clear();
            }
            _sameTimestamp.Add(quote);
            if (_kept == 0)
            {
                _firstTs = t;
            }
            _lastTs = t;
            _kept++;
            Count(flag);
            outTs[kept] = t;
            outBids[kept] = bid;
            outAsks[kept] = ask;
            outBidVolumes[kept] = quote.BidVolume;
            outAskVolumes[kept] = quote.AskVolume;
            flags[kept] = flag;
            kept++;
        }
        return kept;
    }

    /// <summary>The flags of a kept tick, or null with the reason it is dropped. Updates the filters' state.</summary>
    private TickFlags? Judge(long t, Quote q, bool late, out TickDropReason reason)
    {
        reason = default;
        if (!double.IsFinite(q.Bid) || !double.IsFinite(q.Ask))
        {
            reason = TickDropReason.NonFinite;
            return null;
        }
        if (q.Bid <= 0 || q.Ask <= 0)
        {
            reason = TickDropReason.NonPositive;
            return null;
        }
        if (t < _dayStart || t >= _dayEnd)
        {
            reason = TickDropReason.OutsideDay;
            return null;
        }
        if (_kept > 0 && t < _lastTs)
        {
            reason = TickDropReason.OutOfOrder;
            return null;
        }
        var flag = late ? TickFlags.Reordered : TickFlags.None;
        if (q.Ask < q.Bid)
        {
            if (_options.CrossedQuotes == CleaningPolicy.Drop)
            {
                reason = TickDropReason.CrossedQuote;
                return null;
            }
            flag |= TickFlags.CrossedQuote;
        }
        if (_kept > 0 && t == _lastTs && IsRepeat(q))
        {
            if (_options.Duplicates == CleaningPolicy.Drop)
            {
                reason = TickDropReason.DuplicateExact;
                return null;
            }
            flag |= TickFlags.Duplicate;
        }
        // Crossed quotes and repeats never feed the windows: they would bend the median they are judged by.
        if ((flag & (TickFlags.CrossedQuote | TickFlags.Duplicate)) != 0)
        {
            return flag;
        }
        if (_spikes.IsSpike((q.Bid + q.Ask) / 2))
        {
            if (_options.Spikes == CleaningPolicy.Drop)
            {
                reason = TickDropReason.Spike;
                return null;
            }
            return flag | TickFlags.Spike;
        }
        var spread = q.Ask - q.Bid;
        if (_spreads.Count >= _options.SpikeMinSamples)
        {
            var median = _spreads.Median();
            if (median > 0 && spread > _options.WideSpreadMultiple * median)
            {
                flag |= TickFlags.WideSpread;
            }
        }
        _spreads.Add(spread);
        return flag;
    }

    private bool IsRepeat(Quote q) => _sameTimestamp.Contains(q);

    /// <summary>Whether the session of a kept (sorted) tick trades; the time zone is consulted once per session.</summary>
    private bool IsSessionOpen(long t)
    {
        if (t < _sessionStart || t >= _sessionEnd)
        {
            var session = _sessions.SessionDate(t);
            (_sessionStart, _sessionEnd) = _sessions.SessionBounds(session);
            _sessionOpen = _sessions.IsTradingDay(session);
        }
        return _sessionOpen;
    }

    private void Count(TickFlags flag)
    {
        if (flag == TickFlags.None)
        {
            return;
        }
        _flaggedTicks++;
        for (var b = 0; b < SingleFlags.Length; b++)
        {
            if ((flag & SingleFlags[b]) != 0)
            {
                _flagged[b]++;
            }
        }
    }
}
