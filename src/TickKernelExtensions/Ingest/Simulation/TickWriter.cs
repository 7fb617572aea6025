using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// Writes generated ticks, given in points and milliseconds, into reserved rows of a
/// <see cref="TickColumns"/> batch: prices become <c>points / DecimalFactor</c> (so they round-trip through
/// bi5 exactly), clamped to the plausible range; an exact repeat of the previous tick (same millisecond,
/// prices and volumes, which the strict validator rejects) gets one volume step more instead.
/// </summary>
internal sealed class TickWriter
{
    private readonly TickColumns _ticks;
    private readonly double _factor;
    private readonly long _hourMicros;
    private readonly long _lowPoints;
    private readonly long _highPoints;
    private readonly float _volumeStep;
    private long _previousMillis = -1;
    private long _previousBid;
    private long _previousAsk;
    private float _previousBidVolume;
    private float _previousAskVolume;

    public TickWriter(Instrument instrument, InstrumentProfile profile, DateTime hourStartUtc, TickColumns ticks)
    {
        _ticks = ticks;
        _factor = instrument.DecimalFactor;
        _hourMicros = TickTime.ToMicros(hourStartUtc);
        _lowPoints = (long)Math.Ceiling(instrument.PlausibleLow * instrument.DecimalFactor);
        _highPoints = (long)Math.Floor(instrument.PlausibleHigh * instrument.DecimalFactor);
        _volumeStep = (float)profile.VolumeStep;
    }

    /// <summary>Writes row <paramref name="index"/>; milliseconds are from the hour's start.</summary>
    public void Write(int index, long millis, long bidPoints, long askPoints, float bidVolume, float askVolume)
    {
        var bid = Math.Clamp(bidPoints, _lowPoints, _highPoints);
        var ask = Math.Clamp(askPoints, _lowPoints, _highPoints);
        if (millis == _previousMillis && bid == _previousBid && ask == _previousAsk
            && bidVolume.Equals(_previousBidVolume) && askVolume.Equals(_previousAskVolume))
        {
            askVolume += _volumeStep;
        }
        _ticks.Timestamps[index] = _hourMicros + (millis * TickTime.MicrosPerMilli);
        _ticks.Bids[index] = bid / _factor;
        _ticks.Asks[index] = ask / _factor;
        _ticks.BidVolumes[index] = bidVolume;
        _ticks.AskVolumes[index] = askVolume;
        _previousMillis = millis;
        _previousBid = bid;
        _previousAsk = ask;
        _previousBidVolume = bidVolume;
        _previousAskVolume = askVolume;
    }
}
