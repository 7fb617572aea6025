namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// The two time zones whose daylight saving moves the FX sessions: New York and London. Falls back to
/// the rules in force since 2007 (US) and 1996 (EU) when the machine has no time-zone database.
/// </summary>
internal static class MarketTimeZones
{
    public static TimeZoneInfo NewYork { get; } = Find(
        "America/New_York", TimeSpan.FromHours(-5), "EST", "EDT",
        TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
        TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday));

    public static TimeZoneInfo London { get; } = Find(
        "Europe/London", TimeSpan.Zero, "GMT", "BST",
        TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday),
        TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday));

    /// <summary>The zone's offset from UTC at <paramref name="utc"/>, in whole minutes.</summary>
    public static int OffsetMinutes(TimeZoneInfo zone, DateTime utc) =>
        (int)zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).TotalMinutes;

    private static TimeZoneInfo Find(
        string id, TimeSpan standard, string standardName, string daylightName,
        TimeZoneInfo.TransitionTime start, TimeZoneInfo.TransitionTime end)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone(id, standard, id, standardName, daylightName, [rule]);
        }
    }
}
