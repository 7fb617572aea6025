namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// Decodes responses of the Dukascopy JSON API (<c>…/v1/ticks/…</c> and <c>…/v1/candles/…</c>, used by
/// dukascopy-node 1.47 and later). A response is one flat object: a bucket start <c>timestamp</c> (epoch ms), a
/// <c>multiplier</c> (the price of one point), base prices, and parallel arrays of deltas. Prices are rebuilt in
/// integer points (<c>round(base / multiplier)</c> plus the cumulative deltas) so no floating-point drift
/// accumulates, then divided by the instrument's decimal factor, exactly like bi5 prices.
/// Malformed JSON or a wrong shape is a <see cref="Market.MarketDataException"/> of kind
/// <see cref="Market.MarketDataErrorKind.CorruptPayload"/> naming the field; on error nothing is appended.
/// Unknown fields are ignored. Thread safe.
/// </summary>
public static partial class JsonApiCodec
{
    private const double UnitsPerMillion = 1_000_000;
}
