using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// The legacy datafeed: LZMA-compressed bi5 files at <c>{root}/{SYMBOL}/{YYYY}/{MM-1}/{DD}/{HH}h_ticks.bi5</c>.
/// Raw-zone paths equal the datafeed paths.
/// </summary>
public sealed class Bi5Feed : DukascopyFeed
{
    /// <summary>The public datafeed root.</summary>
    public static readonly Uri DefaultBaseUri = new("https://datafeed.dukascopy.com/datafeed/");

    /// <summary>The raw-zone folder name.</summary>
    public const string Source = "dukascopy-bi5";

    /// <param name="baseUri">The feed root (default: Dukascopy's).</param>
    /// <param name="sourceName">The raw-zone folder (default <see cref="Source"/>); mirrors of other data, such as
    /// the built-in market, use their own so they never mix with real data.</param>
    public Bi5Feed(Uri? baseUri = null, string? sourceName = null) : base(baseUri ?? DefaultBaseUri) =>
        SourceName = sourceName ?? Source;

    /// <inheritdoc />
    public override string SourceName { get; }

    /// <inheritdoc />
    protected override string ExpectedContent => "an LZMA bi5 payload";

    /// <inheritdoc />
    public override string RawPathOf(DukascopyBucket bucket) => bucket.Bi5Path;

    /// <inheritdoc />
    public override int DecodeTicks(DukascopyBucket bucket, ReadOnlySpan<byte> body, TickColumns target) =>
        Bi5TickCodec.DecodeInto(body, bucket.StartUtc, bucket.Instrument, target);

    /// <inheritdoc />
    protected override string RemotePathOf(DukascopyBucket bucket) => bucket.Bi5Path;

    /// <inheritdoc />
    protected override int CheckCandles(DukascopyBucket bucket, ReadOnlySpan<byte> body)
    {
        var candles = Bi5CandleCodec.Decode(body);
        var instrument = bucket.Instrument;
        var maxRecords = (int)Math.Round((bucket.EndUtc - bucket.StartUtc).TotalSeconds / CandleSeconds(bucket.Kind));
        if (candles.Length > maxRecords)
        {
            throw new MarketDataException(MarketDataErrorKind.CorruptPayload, "more candles than the bucket can hold")
            {
                Field = "records", Expected = $"<= {maxRecords}", Actual = candles.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        for (var i = 0; i < candles.Length; i++)
        {
            var c = candles[i];
            CheckCandle(bucket, i, instrument.ToPrice(c.Open), instrument.ToPrice(c.High), instrument.ToPrice(c.Low), instrument.ToPrice(c.Close));
        }
        return candles.Length;
    }

    private static double CandleSeconds(BucketKind kind) => kind switch
    {
        BucketKind.MinuteCandlesOfDay => 60,
        BucketKind.HourCandlesOfMonth => 3600,
        _ => 86400,
    };
}
