using System.Globalization;
using System.Text.Json;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

public static partial class JsonApiCodec
{
    /// <summary>
    /// Decodes a tick response and appends its ticks to <paramref name="target"/>; returns how many.
    /// <list type="bullet">
    /// <item><c>times</c>: millisecond deltas, cumulative from <c>timestamp</c> (never negative).</item>
    /// <item><c>asks</c>/<c>bids</c>: integer point deltas, cumulative from the base <c>ask</c>/<c>bid</c>.</item>
    /// <item><c>askVolumes</c>/<c>bidVolumes</c>: units; stored divided by 1e6 as float32, the bi5 scale (millions).</item>
    /// </list>
    /// An empty bucket (<c>times: []</c>, null bases) appends nothing.
    /// </summary>
    public static int DecodeTicksInto(ReadOnlySpan<byte> utf8Json, Instrument instrument, TickColumns target)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(target);
        var times = new PooledColumn<long>();
        var asks = new PooledColumn<long>();
        var bids = new PooledColumn<long>();
        var askVolumes = new PooledColumn<double>();
        var bidVolumes = new PooledColumn<double>();
        try
        {
            long? timestamp = null;
            double? multiplier = null, ask = null, bid = null;
            var reader = JsonApiReader.Open(utf8Json);
            var field = "$";
            try
            {
                JsonApiReader.StartObject(ref reader);
                while (JsonApiReader.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("timestamp"u8)) { field = "timestamp"; timestamp = JsonApiReader.Int64(ref reader, field); }
                    else if (reader.ValueTextEquals("multiplier"u8)) { field = "multiplier"; multiplier = JsonApiReader.NullableDouble(ref reader, field); }
                    else if (reader.ValueTextEquals("ask"u8)) { field = "ask"; ask = JsonApiReader.NullableDouble(ref reader, field); }
                    else if (reader.ValueTextEquals("bid"u8)) { field = "bid"; bid = JsonApiReader.NullableDouble(ref reader, field); }
                    else if (reader.ValueTextEquals("times"u8)) { field = "times"; JsonApiReader.Int64Array(ref reader, field, ref times); }
                    else if (reader.ValueTextEquals("asks"u8)) { field = "asks"; JsonApiReader.Int64Array(ref reader, field, ref asks); }
                    else if (reader.ValueTextEquals("bids"u8)) { field = "bids"; JsonApiReader.Int64Array(ref reader, field, ref bids); }
                    else if (reader.ValueTextEquals("askVolumes"u8)) { field = "askVolumes"; JsonApiReader.DoubleArray(ref reader, field, ref askVolumes); }
                    else if (reader.ValueTextEquals("bidVolumes"u8)) { field = "bidVolumes"; JsonApiReader.DoubleArray(ref reader, field, ref bidVolumes); }
                    else { reader.Skip(); }
                }
                field = "$";
                JsonApiReader.End(ref reader);
            }
            catch (JsonException e)
            {
                throw JsonApiReader.Malformed(e, field);
            }

            JsonApiReader.Require(timestamp.HasValue, "timestamp");
            JsonApiReader.Require(times.Present, "times");
            JsonApiReader.Require(asks.Present, "asks");
            JsonApiReader.Require(bids.Present, "bids");
            JsonApiReader.Require(askVolumes.Present, "askVolumes");
            JsonApiReader.Require(bidVolumes.Present, "bidVolumes");
            var count = times.Count;
            JsonApiReader.RequireLength(asks.Count, count, "asks");
            JsonApiReader.RequireLength(bids.Count, count, "bids");
            JsonApiReader.RequireLength(askVolumes.Count, count, "askVolumes");
            JsonApiReader.RequireLength(bidVolumes.Count, count, "bidVolumes");
            if (multiplier is { } m)
            {
                JsonApiReader.CheckMultiplier(m, instrument);
            }
            if (count == 0)
            {
                return 0;
            }
            JsonApiReader.Require(multiplier.HasValue, "multiplier");
            JsonApiReader.Require(ask.HasValue, "ask");
            JsonApiReader.Require(bid.HasValue, "bid");
            return Append(timestamp!.Value, multiplier!.Value, ask!.Value, bid!.Value,
                times.Span, asks.Span, bids.Span, askVolumes.Span, bidVolumes.Span, instrument, target);
        }
        finally
        {
            times.Dispose();
            asks.Dispose();
            bids.Dispose();
            askVolumes.Dispose();
            bidVolumes.Dispose();
        }
    }

    private static int Append(
        long timestampMs, double multiplier, double ask, double bid,
        ReadOnlySpan<long> times, ReadOnlySpan<long> askDeltas, ReadOnlySpan<long> bidDeltas,
        ReadOnlySpan<double> askVolumes, ReadOnlySpan<double> bidVolumes,
        Instrument instrument, TickColumns target)
    {
        var count = times.Length;
        var start = target.Append(count);
        var timestamps = target.Timestamps.Slice(start, count);
        var asks = target.Asks.Slice(start, count);
        var bids = target.Bids.Slice(start, count);
        var askVolumeColumn = target.AskVolumes.Slice(start, count);
        var bidVolumeColumn = target.BidVolumes.Slice(start, count);
        double factor = instrument.DecimalFactor;
        var ms = timestampMs;
        var askPoints = (long)Math.Round(ask / multiplier);
        var bidPoints = (long)Math.Round(bid / multiplier);
        for (var i = 0; i < count; i++)
        {
            if (times[i] < 0)
            {
                target.Truncate(start);
                throw JsonApiReader.Corrupt("times",
                    string.Create(CultureInfo.InvariantCulture, $"Element {i} of 'times' is negative: ticks must not go back in time."),
                    "a delta >= 0", times[i].ToString(CultureInfo.InvariantCulture));
            }
            ms += times[i];
            askPoints += askDeltas[i];
            bidPoints += bidDeltas[i];
            timestamps[i] = ms * TickTime.MicrosPerMilli;
            asks[i] = askPoints / factor;
            bids[i] = bidPoints / factor;
            askVolumeColumn[i] = (float)(askVolumes[i] / UnitsPerMillion);
            bidVolumeColumn[i] = (float)(bidVolumes[i] / UnitsPerMillion);
        }
        return count;
    }
}
