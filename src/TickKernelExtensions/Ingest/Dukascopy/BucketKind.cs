namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>The unit Dukascopy serves: one tick file per hour, or one candle file per day, month or year.</summary>
public enum BucketKind
{
    /// <summary>Ticks of one UTC hour (<c>HHh_ticks.bi5</c>).</summary>
    TickHour,
    /// <summary>Minute candles of one UTC day (<c>BID_candles_min_1.bi5</c>).</summary>
    MinuteCandlesOfDay,
    /// <summary>Hour candles of one UTC month (<c>BID_candles_hour_1.bi5</c>).</summary>
    HourCandlesOfMonth,
    /// <summary>Day candles of one UTC year (<c>BID_candles_day_1.bi5</c>).</summary>
    DayCandlesOfYear,
}
