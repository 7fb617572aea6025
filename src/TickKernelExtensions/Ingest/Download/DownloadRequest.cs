using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Download;

/// <summary>What to download: instruments × a UTC range, as buckets of one kind (tick hours by default).</summary>
/// <param name="Instruments">The instruments.</param>
/// <param name="FromUtc">Inclusive start.</param>
/// <param name="ToUtc">Exclusive end.</param>
/// <param name="Kind">Tick hours, or candle days/months/years.</param>
/// <param name="Side">The side of candle files (ignored for ticks, which carry both).</param>
public sealed record DownloadRequest(
    IReadOnlyList<Instrument> Instruments,
    DateTime FromUtc,
    DateTime ToUtc,
    BucketKind Kind = BucketKind.TickHour,
    PriceSide Side = PriceSide.Bid)
{
    /// <summary>Every bucket of the request, instrument by instrument, in time order.</summary>
    public IEnumerable<DukascopyBucket> Buckets() =>
        Instruments.SelectMany(i => DukascopyBucket.Plan(i, Kind, FromUtc, ToUtc, Side));

    /// <summary>Throws when the range or the instrument list is unusable.</summary>
    public DownloadRequest Validate()
    {
        var errors = new List<string>();
        if (Instruments is null || Instruments.Count == 0)
        {
            errors.Add("at least one instrument is required");
        }
        if (FromUtc.Kind == DateTimeKind.Local || ToUtc.Kind == DateTimeKind.Local)
        {
            errors.Add("times must be UTC");
        }
        if (ToUtc <= FromUtc)
        {
            errors.Add($"the range is empty ({FromUtc:O} .. {ToUtc:O})");
        }
        return errors.Count == 0
            ? this
            : throw new MarketDataException(MarketDataErrorKind.InvalidOptions, "Invalid download request: " + string.Join("; ", errors) + ".");
    }
}
