namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// One candle of the Dukascopy JSON API (<c>…/v1/candles/…</c>), decoded by <see cref="JsonApiCodec.DecodeCandles"/>.
/// Prices are in price units (points / decimal factor). The volume is passed through as the API states it: the
/// same scale as bi5 candle volumes, millions of base units.
/// </summary>
/// <param name="StartUtc">The candle's start (UTC).</param>
/// <param name="Open">Open price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
/// <param name="Volume">Volume, millions of base units.</param>
public readonly record struct JsonCandle(DateTime StartUtc, double Open, double High, double Low, double Close, double Volume);
