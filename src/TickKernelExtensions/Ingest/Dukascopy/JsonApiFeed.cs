using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// The JSON API that dukascopy-node uses since v1.47: delta-encoded ticks at
/// <c>{root}/ticks/{CODE}/{YYYY}/{M}/{D}/{H}</c> (one-based month). Raw-zone paths are the API paths plus <c>.json</c>.
/// </summary>
public sealed class JsonApiFeed : DukascopyFeed
{
    /// <summary>The public API root.</summary>
    public static readonly Uri DefaultBaseUri = new("https://jetta.dukascopy.com/v1/");

    /// <summary>The raw-zone folder name.</summary>
    public const string Source = "dukascopy-json";

    /// <param name="baseUri">The feed root (default: Dukascopy's).</param>
    /// <param name="sourceName">The raw-zone folder (default <see cref="Source"/>); mirrors of other data, such as
    /// the built-in market, use their own so they never mix with real data.</param>
    public JsonApiFeed(Uri? baseUri = null, string? sourceName = null) : base(baseUri ?? DefaultBaseUri) =>
        SourceName = sourceName ?? Source;

    /// <inheritdoc />
    public override string SourceName { get; }

    /// <inheritdoc />
    protected override string ExpectedContent => "a JSON document";

    /// <inheritdoc />
    public override string RawPathOf(DukascopyBucket bucket) => bucket.JsonApiPath + ".json";

    /// <inheritdoc />
    public override int DecodeTicks(DukascopyBucket bucket, ReadOnlySpan<byte> body, TickColumns target) =>
        JsonApiCodec.DecodeTicksInto(body, bucket.Instrument, target);

    /// <inheritdoc />
    protected override string RemotePathOf(DukascopyBucket bucket) => bucket.JsonApiPath;

    /// <inheritdoc />
    protected override int CheckCandles(DukascopyBucket bucket, ReadOnlySpan<byte> body)
    {
        var candles = JsonApiCodec.DecodeCandles(body, bucket.Instrument);
        for (var i = 0; i < candles.Length; i++)
        {
            var c = candles[i];
            CheckCandle(bucket, i, c.Open, c.High, c.Low, c.Close);
        }
        return candles.Length;
    }
}
