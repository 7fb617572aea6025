using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// Intraday seasonality of the realistic market, minute by minute: trading activity (which sets the tick
/// rate and, through its square root, the volatility) and the spread multipliers. FX, metals, indices and
/// commodities follow four overlapping sessions in their own local time, so daylight-saving changes move
/// them in UTC:
/// <code>
///   Sydney   18:00-03:00 New York   weight 0.20  flat
///   Tokyo    00:00-09:00 UTC        weight 0.45  busiest at the open
///   London   08:00-17:00 London     weight 1.00  U-shaped (open and the 16:00 fix)
///   New York 08:00-17:00 New York   weight 0.90  busiest at the open, quiet afternoon
/// </code>
/// on a floor of 0.08, so the hour after the 17:00 New York rollover is the quietest and the
/// London/New York overlap the busiest. Crypto trades around the clock with half of that shape and a
/// quieter weekend. Activity is normalised so that an FX weekday averages 1.
/// </summary>
internal static class IntradayProfile
{
    private const double MinutesPerDay = 1440;
    private const double Floor = 0.08;
    private const double RolloverHalfWidthMinutes = 30;

    // Mean raw activity over a winter weekday (New York UTC-5, London UTC+0): the normaliser.
    private static readonly double FxMean = ComputeFxMean();

    /// <summary>Fills <paramref name="activity"/> (60 entries) with the activity of each minute of the hour.</summary>
    public static void FillActivity(Instrument instrument, DateTime hourStartUtc, Span<double> activity)
    {
        // Daylight-saving changes happen on whole UTC hours, so one offset serves the whole hour.
        var newYork = MarketTimeZones.OffsetMinutes(MarketTimeZones.NewYork, hourStartUtc);
        var london = MarketTimeZones.OffsetMinutes(MarketTimeZones.London, hourStartUtc);
        var crypto = instrument.AssetClass == AssetClass.Crypto;
        var weekend = hourStartUtc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var firstMinute = hourStartUtc.Hour * 60;
        for (var m = 0; m < activity.Length; m++)
        {
            var fx = RawFx(firstMinute + m + 0.5, newYork, london) / FxMean;
            activity[m] = crypto ? (0.5 + (0.5 * fx)) * (weekend ? 0.75 : 1.0) : fx;
        }
    }

    /// <summary>The mean activity of the hour starting at <paramref name="hourStartUtc"/>.</summary>
    public static double HourActivity(Instrument instrument, DateTime hourStartUtc)
    {
        Span<double> minutes = stackalloc double[60];
        FillActivity(instrument, hourStartUtc, minutes);
        var sum = 0.0;
        foreach (var a in minutes)
        {
            sum += a;
        }
        return sum / minutes.Length;
    }

    /// <summary>Spreads tighten when the market is busy and widen when it is quiet: 1/sqrt(activity), kept in [0.7, 3].</summary>
    public static double SpreadMultiplier(double activity) => Math.Clamp(Math.Sqrt(1.0 / activity), 0.7, 3.0);

    /// <summary>
    /// Fills <paramref name="multipliers"/> (60 entries) with the rollover widening of each minute:
    /// <paramref name="peak"/> at 17:00 New York, falling linearly to 1 at 30 minutes either side.
    /// </summary>
    public static void FillRollover(DateTime hourStartUtc, double peak, Span<double> multipliers)
    {
        var rollover = TradingCalendar.RolloverUtc(hourStartUtc);
        var offset = (hourStartUtc - rollover).TotalMinutes;
        for (var m = 0; m < multipliers.Length; m++)
        {
            var distance = Math.Abs(offset + m + 0.5);
            var weight = Math.Max(0.0, 1.0 - (distance / RolloverHalfWidthMinutes));
            multipliers[m] = 1.0 + ((peak - 1.0) * weight);
        }
    }

    private static double RawFx(double utcMinute, int newYorkOffset, int londonOffset)
    {
        var newYork = utcMinute + newYorkOffset;
        var london = utcMinute + londonOffset;
        return Floor
            + (0.20 * Session(newYork, 18 * 60, 9 * 60, Shape.Flat))
            + (0.45 * Session(utcMinute, 0, 9 * 60, Shape.OpenHeavy))
            + (1.00 * Session(london, 8 * 60, 9 * 60, Shape.UShaped))
            + (0.90 * Session(newYork, 8 * 60, 9 * 60, Shape.OpenHeavy));
    }

    private static double Session(double localMinute, double open, double length, Shape shape)
    {
        var since = localMinute - open;
        since -= MinutesPerDay * Math.Floor(since / MinutesPerDay);
        if (since >= length)
        {
            return 0;
        }
        var x = since / length;
        return shape switch
        {
            Shape.Flat => 1.0,
            Shape.OpenHeavy => 0.5 + ((1.0 - x) * (1.0 - x)),
            _ => 0.7 + (0.6 * ((2 * x) - 1) * ((2 * x) - 1)),
        };
    }

    private static double ComputeFxMean()
    {
        var sum = 0.0;
        for (var m = 0; m < MinutesPerDay; m++)
        {
            sum += RawFx(m + 0.5, -300, 0);
        }
        return sum / MinutesPerDay;
    }

    private enum Shape
    {
        Flat,
        OpenHeavy,
        UShaped,
    }
}
