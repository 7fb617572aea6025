using System.Globalization;

namespace TickKernelExtensions.Market;

/// <summary>
/// Checks a stream of ticks of one instrument, tick by tick, remembering the previous tick for the
/// order and duplicate checks. Returns the first problem of a tick, or null when the tick is accepted.
/// Not thread safe: one validator per stream.
/// </summary>
public sealed class TickValidator
{
    private readonly Instrument _instrument;
    private readonly TickValidationOptions _options;
    private bool _hasPrevious;
    private long _prevTs;
    private double _prevBid;
    private double _prevAsk;
    private float _prevBidVolume;
    private float _prevAskVolume;

    public TickValidator(Instrument instrument, TickValidationOptions? options = null)
    {
        _instrument = instrument ?? throw new ArgumentNullException(nameof(instrument));
        _options = options ?? TickValidationOptions.Strict;
    }

    /// <summary>Ticks accepted so far.</summary>
    public long Accepted { get; private set; }

    /// <summary>Crossed quotes accepted under <see cref="TickPolicy.Keep"/>.</summary>
    public long CrossedKept { get; private set; }

    /// <summary>Exact duplicates accepted under <see cref="TickPolicy.Keep"/>.</summary>
    public long DuplicatesKept { get; private set; }

    /// <summary>Checks one tick; on success it becomes the previous tick.</summary>
    public TickViolation? Check(long timestampMicros, double bid, double ask, float bidVolume, float askVolume)
    {
        var violation = CheckPrice("bid", bid) ?? CheckPrice("ask", ask)
            ?? CheckVolume("bid_volume", bidVolume) ?? CheckVolume("ask_volume", askVolume);
        if (violation is not null)
        {
            return violation;
        }
        if (_hasPrevious && timestampMicros < _prevTs)
        {
            return new TickViolation(TickIssue.OutOfOrder, "timestamp",
                $">= {Time(_prevTs)} (the previous tick)", Time(timestampMicros));
        }
        var crossed = ask < bid;
        if (crossed && _options.CrossedQuotes == TickPolicy.Reject)
        {
            return new TickViolation(TickIssue.CrossedQuote, "ask",
                $">= bid {TickViolation.Format(bid)}", TickViolation.Format(ask));
        }
        var duplicate = _hasPrevious && timestampMicros == _prevTs && bid == _prevBid && ask == _prevAsk
            && SameVolume(bidVolume, _prevBidVolume) && SameVolume(askVolume, _prevAskVolume);
        if (duplicate && _options.DuplicateTicks == TickPolicy.Reject)
        {
            return new TickViolation(TickIssue.DuplicateTick, "timestamp",
                "a new tick (not an exact repeat of the previous one)", Time(timestampMicros));
        }
        CrossedKept += crossed ? 1 : 0;
        DuplicatesKept += duplicate ? 1 : 0;
        Accepted++;
        _hasPrevious = true;
        _prevTs = timestampMicros;
        _prevBid = bid;
        _prevAsk = ask;
        _prevBidVolume = bidVolume;
        _prevAskVolume = askVolume;
        return null;
    }

    /// <summary>Checks every tick of a batch; returns the index and violation of the first bad one.</summary>
    public (int Index, TickViolation Violation)? CheckAll(TickColumns batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ts = batch.Timestamps;
        var bid = batch.Bids;
        var ask = batch.Asks;
        var bv = batch.BidVolumes;
        var av = batch.AskVolumes;
        for (var i = 0; i < ts.Length; i++)
        {
            if (Check(ts[i], bid[i], ask[i], bv[i], av[i]) is { } v)
            {
                return (i, v);
            }
        }
        return null;
    }

    private TickViolation? CheckPrice(string field, double price)
    {
        if (!double.IsFinite(price))
        {
            return new TickViolation(TickIssue.NonFinitePrice, field, "a finite price", TickViolation.Format(price));
        }
        if (price <= 0)
        {
            return new TickViolation(TickIssue.NonPositivePrice, field, "a price > 0", TickViolation.Format(price));
        }
        if (!_instrument.IsPlausible(price))
        {
            return new TickViolation(TickIssue.ImplausiblePrice, field,
                string.Create(CultureInfo.InvariantCulture,
                    $"{_instrument.Symbol} between {_instrument.PlausibleLow} and {_instrument.PlausibleHigh} (decimal factor {_instrument.DecimalFactor})"),
                TickViolation.Format(price));
        }
        return null;
    }

    private static TickViolation? CheckVolume(string field, float volume) =>
        float.IsNaN(volume) || (float.IsFinite(volume) && volume >= 0)
            ? null
            : new TickViolation(TickIssue.InvalidVolume, field, "a volume >= 0 (or none)", volume.ToString("R", CultureInfo.InvariantCulture));

    private static bool SameVolume(float a, float b) => a.Equals(b);

    private static string Time(long micros) =>
        TickTime.FromMicros(micros).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
