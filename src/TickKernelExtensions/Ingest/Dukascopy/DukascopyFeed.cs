using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>What both feeds share: URL building, the HTML guard and tick validation.</summary>
public abstract class DukascopyFeed : IDukascopyFeed
{
    [ThreadStatic]
    private static TickColumns? t_scratch;

    protected DukascopyFeed(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (baseUri.Scheme is not ("http" or "https" or "file"))
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions, "A feed URL must be http://, https:// or file://.")
            {
                Field = "base URL", Expected = "http://, https:// or file://", Actual = baseUri.ToString(),
            };
        }
        BaseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    /// <inheritdoc />
    public abstract string SourceName { get; }

    /// <inheritdoc />
    public Uri BaseUri { get; }

    /// <inheritdoc />
    public Uri UrlOf(DukascopyBucket bucket) => new(BaseUri, RemotePathOf(bucket));

    /// <inheritdoc />
    public abstract string RawPathOf(DukascopyBucket bucket);

    /// <inheritdoc />
    public abstract int DecodeTicks(DukascopyBucket bucket, ReadOnlySpan<byte> body, TickColumns target);

    /// <inheritdoc />
    public PayloadCheck Check(DukascopyBucket bucket, ReadOnlySpan<byte> body, TickValidationOptions validation)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (body.IsEmpty)
        {
            return PayloadCheck.Empty;
        }
        if (LooksLikeHtml(body))
        {
            return PayloadCheck.Bad(new MarketDataException(MarketDataErrorKind.HtmlInsteadOfData,
                "The server answered with an HTML page instead of data (a block or challenge page?).")
            {
                Expected = ExpectedContent, Actual = Preview(body),
            });
        }
        try
        {
            var records = bucket.Kind == BucketKind.TickHour ? CheckTicks(bucket, body, validation) : CheckCandles(bucket, body);
            return records == 0 ? PayloadCheck.Empty : PayloadCheck.Good(records);
        }
        catch (MarketDataException e)
        {
            return PayloadCheck.Bad(e);
        }
    }

    /// <summary>The bucket's path below <see cref="BaseUri"/>.</summary>
    protected abstract string RemotePathOf(DukascopyBucket bucket);

    /// <summary>Decodes a candle bucket and checks its candles; returns how many.</summary>
    protected abstract int CheckCandles(DukascopyBucket bucket, ReadOnlySpan<byte> body);

    /// <summary>What a good body looks like, for messages.</summary>
    protected abstract string ExpectedContent { get; }

    /// <summary>Checks one candle against the instrument's plausible range and O/H/L/C ordering.</summary>
    protected static void CheckCandle(DukascopyBucket bucket, int index, double open, double high, double low, double close)
    {
        var instrument = bucket.Instrument;
        foreach (var (name, price) in new[] { ("open", open), ("high", high), ("low", low), ("close", close) })
        {
            if (!instrument.IsPlausible(price))
            {
                throw new MarketDataException(MarketDataErrorKind.CorruptPayload, $"candle {index} is implausible")
                {
                    Field = name,
                    Expected = string.Create(CultureInfo.InvariantCulture, $"{instrument.Symbol} between {instrument.PlausibleLow} and {instrument.PlausibleHigh}"),
                    Actual = price.ToString("R", CultureInfo.InvariantCulture),
                };
            }
        }
        if (low > Math.Min(open, close) || high < Math.Max(open, close))
        {
            throw new MarketDataException(MarketDataErrorKind.CorruptPayload, $"candle {index} violates low <= open, close <= high")
            {
                Field = "low/high",
                Expected = "low <= open, close <= high",
                Actual = string.Create(CultureInfo.InvariantCulture, $"O {open} H {high} L {low} C {close}"),
            };
        }
    }

    private int CheckTicks(DukascopyBucket bucket, ReadOnlySpan<byte> body, TickValidationOptions validation)
    {
        var ticks = t_scratch ??= new TickColumns(8192);
        ticks.Clear();
        var count = DecodeTicks(bucket, body, ticks);
        var from = TickTime.ToMicros(bucket.StartUtc);
        var to = TickTime.ToMicros(bucket.EndUtc);
        var validator = new TickValidator(bucket.Instrument, validation);
        var timestamps = ticks.Timestamps;
        for (var i = 0; i < timestamps.Length; i++)
        {
            if (timestamps[i] < from || timestamps[i] >= to)
            {
                throw new MarketDataException(MarketDataErrorKind.CorruptPayload, $"tick {i} lies outside its bucket")
                {
                    Field = "timestamp",
                    Expected = $"[{bucket.StartUtc:O}, {bucket.EndUtc:O})",
                    Actual = TickTime.FromMicros(timestamps[i]).ToString("O", CultureInfo.InvariantCulture),
                };
            }
        }
        if (validator.CheckAll(ticks) is ({ } index, { } violation))
        {
            throw new MarketDataException(MarketDataErrorKind.CorruptPayload, $"tick {index} is invalid: {violation.Description}")
            {
                Field = violation.Field, Expected = violation.Expected, Actual = violation.Actual,
            };
        }
        return count;
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] == (byte)'<';
    }

    private static string Preview(ReadOnlySpan<byte> body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 60)]);
        return text.ReplaceLineEndings(" ") + (body.Length > 60 ? "…" : "");
    }
}
