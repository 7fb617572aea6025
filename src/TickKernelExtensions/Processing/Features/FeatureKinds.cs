namespace TickKernelExtensions.Processing.Features;

/// <summary>The feature kinds a <see cref="FeatureSpec"/> can name; their parameters are listed per kind.</summary>
public static class FeatureKinds
{
    /// <summary><c>ln(mid_t / mid_{t−h})</c> on mid closes. Parameter <c>horizon</c> (bars, ≥ 1). Column <c>log_return_{h}</c>.</summary>
    public const string LogReturn = "log_return";

    /// <summary>
    /// <c>sqrt(Σ r²)</c> over the last <c>window</c> one-bar log mid returns (not annualised, not demeaned).
    /// Parameter <c>window</c> (bars, ≥ 1). Column <c>realized_vol_{w}</c>.
    /// </summary>
    public const string RealizedVolatility = "realized_vol";

    /// <summary>Mean spread / mid close of the bar. No parameters. Column <c>spread_rel</c>.</summary>
    public const string RelativeSpread = "spread_rel";

    /// <summary>z-score of the bar's mean spread within the last <c>window</c> bars. Column <c>spread_z_{w}</c>.</summary>
    public const string SpreadZScore = "spread_z";

    /// <summary>
    /// <c>(bidVolume − askVolume) / (bidVolume + askVolume)</c> of the bar, in [−1, 1]; NaN when either volume is
    /// not provided (NaN) or both are 0 (e.g. a carried-forward flat bar). Column <c>quote_imbalance</c>.
    /// </summary>
    public const string QuoteImbalance = "quote_imbalance";

    /// <summary>z-score of the mid close within the last <c>window</c> bars. Column <c>mid_z_{w}</c>.</summary>
    public const string MidZScore = "mid_z";

    /// <summary>
    /// Fixed-width fractional difference of ln(mid close). Parameters <c>d</c> (0 &lt; d &lt; 2), <c>threshold</c>
    /// (weights below it in magnitude are dropped, 0 &lt; τ &lt; 1), <c>max_width</c>. Column <c>ffd_{d}</c>.
    /// </summary>
    public const string FracDiff = "ffd";

    /// <summary>sin and cos of 2π × (UTC minute of day of the open time) / 1440. Columns <c>tod_sin</c>, <c>tod_cos</c>.</summary>
    public const string TimeOfDay = "time_of_day";

    /// <summary>
    /// Minutes from the session open to the bar's open time, with the session opening daily at <c>open</c> (HH:mm)
    /// local time in the IANA zone <c>time_zone</c>. Column <c>session_minutes</c> (see
    /// <see cref="SessionFeature.ColumnName"/> for other sessions).
    /// </summary>
    public const string Session = "session";
}
