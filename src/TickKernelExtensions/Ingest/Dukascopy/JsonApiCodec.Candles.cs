using System.Globalization;
using System.Text.Json;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

public static partial class JsonApiCodec
{
    /// <summary>
    /// Decodes a candle response.
    /// <list type="bullet">
    /// <item><c>times</c>: step counts, cumulative from <c>timestamp</c>, one step = <c>shift</c> ms. The first may be
    /// 0; later ones are at least 1, and a step above 1 is a gap (no trading). Each candle is placed at its own time;
    /// gaps are <b>not</b> filled with flat candles (dukascopy-node does that; the bi5 files are dense).</item>
    /// <item><c>opens</c>/<c>highs</c>/<c>lows</c>/<c>closes</c>: integer point deltas, cumulative from the bases
    /// <c>open</c>/<c>high</c>/<c>low</c>/<c>close</c>.</item>
    /// <item><c>volumes</c>: absolute, passed through (millions, as bi5 candle volumes).</item>
    /// </list>
    /// An empty bucket (<c>times: []</c>, null bases) gives no candles.
    /// </summary>
    public static JsonCandle[] DecodeCandles(ReadOnlySpan<byte> utf8Json, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var times = new PooledColumn<long>();
        var opens = new PooledColumn<long>();
        var highs = new PooledColumn<long>();
        var lows = new PooledColumn<long>();
        var closes = new PooledColumn<long>();
        var volumes = new PooledColumn<double>();
        try
        {
            long? timestamp = null, shift = null;
            double? multiplier = null, open = null, high = null, low = null, close = null;
            var reader = JsonApiReader.Open(utf8Json);
            var field = "$";
            try
            {
                JsonApiReader.StartObject(ref reader);
                while (JsonApiReader.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("timestamp"u8)) { field = "timestamp"; timestamp = JsonApiReader.Int64(ref reader, field); }
                    else if (reader.ValueTextEquals("shift"u8)) { field = "shift"; shift = JsonApiReader.Int64(ref reader, field); }
                    else if (reader.ValueTextEquals("multiplier"u8)) { field = "multiplier"; multiplier = JsonApiReader.NullableDouble(ref reader, field); }
                    else if (reader.ValueTextEquals("open"u8)) { field = "open"; open = JsonApiReader.NullableDouble(ref reader, field); }
                    else if (reader.ValueTextEquals("high"u8)) { field = "high"; high = JsonApiReader.NullableDouble(ref reader, field); }
                    else if (reader.ValueTextEquals("low"u8)) { field = "low"; low = JsonApiReader.NullableDouble(ref reader, field); }
                    else if (reader.ValueTextEquals("close"u8)) { field = "close"; close = JsonApiReader.NullableDouble(ref reader, field); }
                    else if (reader.ValueTextEquals("times"u8)) { field = "times"; JsonApiReader.Int64Array(ref reader, field, ref times); }
                    else if (reader.ValueTextEquals("opens"u8)) { field = "opens"; JsonApiReader.Int64Array(ref reader, field, ref opens); }
                    else if (reader.ValueTextEquals("highs"u8)) { field = "highs"; JsonApiReader.Int64Array(ref reader, field, ref highs); }
                    else if (reader.ValueTextEquals("lows"u8)) { field = "lows"; JsonApiReader.Int64Array(ref reader, field, ref lows); }
                    else if (reader.ValueTextEquals("closes"u8)) { field = "closes"; JsonApiReader.Int64Array(ref reader, field, ref closes); }
                    else if (reader.ValueTextEquals("volumes"u8)) { field = "volumes"; JsonApiReader.DoubleArray(ref reader, field, ref volumes); }
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
            JsonApiReader.Require(opens.Present, "opens");
            JsonApiReader.Require(highs.Present, "highs");
            JsonApiReader.Require(lows.Present, "lows");
            JsonApiReader.Require(closes.Present, "closes");
            JsonApiReader.Require(volumes.Present, "volumes");
            var count = times.Count;
            JsonApiReader.RequireLength(opens.Count, count, "opens");
            JsonApiReader.RequireLength(highs.Count, count, "highs");
            JsonApiReader.RequireLength(lows.Count, count, "lows");
            JsonApiReader.RequireLength(closes.Count, count, "closes");
            JsonApiReader.RequireLength(volumes.Count, count, "volumes");
            if (multiplier is { } m)
            {
                JsonApiReader.CheckMultiplier(m, instrument);
            }
            if (count == 0)
            {
                return [];
            }
            JsonApiReader.Require(multiplier.HasValue, "multiplier");
            JsonApiReader.Require(shift.HasValue, "shift");
            JsonApiReader.Require(open.HasValue, "open");
            JsonApiReader.Require(high.HasValue, "high");
            JsonApiReader.Require(low.HasValue, "low");
            JsonApiReader.Require(close.HasValue, "close");
            var step = shift!.Value;
            if (step <= 0)
            {
                throw JsonApiReader.Corrupt("shift", "The candle step 'shift' is not positive.", "milliseconds > 0",
                    step.ToString(CultureInfo.InvariantCulture));
            }
            var m1 = multiplier!.Value;
            return Build(timestamp!.Value, step,
                ((long)Math.Round(open!.Value / m1), (long)Math.Round(high!.Value / m1), (long)Math.Round(low!.Value / m1), (long)Math.Round(close!.Value / m1)),
                times.Span, opens.Span, highs.Span, lows.Span, closes.Span, volumes.Span, instrument);
        }
        finally
        {
            times.Dispose();
            opens.Dispose();
            highs.Dispose();
            lows.Dispose();
            closes.Dispose();
            volumes.Dispose();
        }
    }

    private static JsonCandle[] Build(
        long timestampMs, long shiftMs, (long Open, long High, long Low, long Close) basePoints,
        ReadOnlySpan<long> times, ReadOnlySpan<long> opens, ReadOnlySpan<long> highs, ReadOnlySpan<long> lows,
        ReadOnlySpan<long> closes, ReadOnlySpan<double> volumes, Instrument instrument)
    {
        var candles = new JsonCandle[times.Length];
        double factor = instrument.DecimalFactor;
        var (open, high, low, close) = basePoints;
        var ms = timestampMs;
        for (var i = 0; i < candles.Length; i++)
        {
            var step = times[i];
            if (step < (i == 0 ? 0 : 1))
            {
                throw JsonApiReader.Corrupt("times",
                    string.Create(CultureInfo.InvariantCulture, $"Element {i} of 'times' does not move forward: two candles would share a start."),
                    i == 0 ? "a step >= 0" : "a step >= 1", step.ToString(CultureInfo.InvariantCulture));
            }
            ms += step * shiftMs;
            open += opens[i];
            high += highs[i];
            low += lows[i];
            close += closes[i];
            candles[i] = new JsonCandle(
                DateTime.UnixEpoch.AddTicks(ms * TimeSpan.TicksPerMillisecond),
                open / factor, high / factor, low / factor, close / factor, volumes[i]);
        }
        return candles;
    }
}
