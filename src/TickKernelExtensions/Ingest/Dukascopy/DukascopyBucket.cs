using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// One file of the Dukascopy feeds: an instrument, a kind, a side (candles only) and a UTC start.
/// Knows its path in the legacy bi5 datafeed (zero-based month) and in the JSON API (one-based month).
/// </summary>
public sealed record DukascopyBucket(Instrument Instrument, BucketKind Kind, DateTime StartUtc, PriceSide Side = PriceSide.Bid)
{
    /// <summary>The exclusive end of the bucket.</summary>
    public DateTime EndUtc => Kind switch
    {
        BucketKind.TickHour => StartUtc.AddHours(1),
        BucketKind.MinuteCandlesOfDay => StartUtc.AddDays(1),
        BucketKind.HourCandlesOfMonth => StartUtc.AddMonths(1),
        BucketKind.DayCandlesOfYear => StartUtc.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    /// <summary>
    /// The path below the datafeed root, e.g. <c>EURUSD/2019/01/04/00h_ticks.bi5</c> for 2019-02-04 00:00 UTC
    /// (the datafeed's month is zero-based).
    /// </summary>
    public string Bi5Path
    {
        get
        {
            var s = StartUtc;
            var root = string.Create(CultureInfo.InvariantCulture, $"{Instrument.DatafeedSymbol}/{s.Year:D4}");
            var side = Side == PriceSide.Bid ? "BID" : "ASK";
            return Kind switch
            {
                BucketKind.TickHour => string.Create(CultureInfo.InvariantCulture, $"{root}/{s.Month - 1:D2}/{s.Day:D2}/{s.Hour:D2}h_ticks.bi5"),
                BucketKind.MinuteCandlesOfDay => string.Create(CultureInfo.InvariantCulture, $"{root}/{s.Month - 1:D2}/{s.Day:D2}/{side}_candles_min_1.bi5"),
                BucketKind.HourCandlesOfMonth => string.Create(CultureInfo.InvariantCulture, $"{root}/{s.Month - 1:D2}/{side}_candles_hour_1.bi5"),
                BucketKind.DayCandlesOfYear => $"{root}/{side}_candles_day_1.bi5",
                _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
            };
        }
    }

    /// <summary>
    /// The path below the JSON API root (<c>…/v1/</c>), e.g. <c>ticks/EUR-USD/2019/2/4/0</c>
    /// (one-based month, no zero padding).
    /// </summary>
    public string JsonApiPath
    {
        get
        {
            var s = StartUtc;
            var side = Side == PriceSide.Bid ? "BID" : "ASK";
            var code = Instrument.ApiCode;
            return Kind switch
            {
                BucketKind.TickHour => string.Create(CultureInfo.InvariantCulture, $"ticks/{code}/{s.Year}/{s.Month}/{s.Day}/{s.Hour}"),
                BucketKind.MinuteCandlesOfDay => string.Create(CultureInfo.InvariantCulture, $"candles/minute/{code}/{side}/{s.Year}/{s.Month}/{s.Day}"),
                BucketKind.HourCandlesOfMonth => string.Create(CultureInfo.InvariantCulture, $"candles/hour/{code}/{side}/{s.Year}/{s.Month}"),
                BucketKind.DayCandlesOfYear => string.Create(CultureInfo.InvariantCulture, $"candles/day/{code}/{side}/{s.Year}"),
                _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
            };
        }
    }

    /// <summary>
    /// The buckets of <paramref name="kind"/> that overlap <c>[fromUtc, toUtc)</c>, in time order,
    /// never before the instrument's first tick (a hint; the hour containing it is included).
    /// </summary>
    public static IEnumerable<DukascopyBucket> Plan(
        Instrument instrument, BucketKind kind, DateTime fromUtc, DateTime toUtc, PriceSide side = PriceSide.Bid)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (toUtc <= fromUtc)
        {
            yield break;
        }
        var first = Floor(kind, Max(fromUtc, Floor(BucketKind.TickHour, instrument.FirstTickUtc)));
        for (var start = first; start < toUtc; start = Next(kind, start))
        {
            yield return new DukascopyBucket(instrument, kind, start, side);
        }
    }

    /// <summary>Rounds a UTC time down to the start of the bucket of <paramref name="kind"/> containing it.</summary>
    public static DateTime Floor(BucketKind kind, DateTime utc) => kind switch
    {
        BucketKind.TickHour => new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc),
        BucketKind.MinuteCandlesOfDay => new DateTime(utc.Year, utc.Month, utc.Day, 0, 0, 0, DateTimeKind.Utc),
        BucketKind.HourCandlesOfMonth => new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        BucketKind.DayCandlesOfYear => new DateTime(utc.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Instrument.Symbol} {Bi5Path}";

    private static DateTime Next(BucketKind kind, DateTime start) => new DukascopyBucket(null!, kind, start).EndUtc;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
