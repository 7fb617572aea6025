using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Csv;

public sealed class LocalClockTests
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    private static long Local(int year, int month, int day, int hour, int minute) =>
        TickTime.ToMicros(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc));

    [Fact]
    public void TryToUtc_FixedOffset_SubtractsIt()
    {
        var clock = LocalClock.Fixed(TimeSpan.FromHours(2));

        Assert.True(clock.TryToUtc(Local(2022, 11, 10, 15, 0), out var utc));
        Assert.Equal(Local(2022, 11, 10, 13, 0), utc);
        Assert.Equal("UTC+02:00", clock.Description);
    }

    [Fact]
    public void TryToUtc_ZoneThroughAYear_MatchesTimeZoneInfoOutsideTheRepeatedHour()
    {
        var clock = LocalClock.Zone(Helsinki);
        for (var local = new DateTime(2022, 1, 1, 0, 7, 0); local.Year == 2022; local = local.AddMinutes(17))
        {
            if (Helsinki.IsInvalidTime(local) || Helsinki.IsAmbiguousTime(local))
            {
                continue;
            }
            Assert.True(clock.TryToUtc(TickTime.ToMicros(DateTime.SpecifyKind(local, DateTimeKind.Utc)), out var utc));
            Assert.Equal(TickTime.ToMicros(TimeZoneInfo.ConvertTimeToUtc(local, Helsinki)), utc);
        }
    }

    [Fact]
    public void TryToUtc_TimeSkippedBySpringForward_Fails()
    {
        var clock = LocalClock.Zone(Helsinki);

        Assert.True(clock.TryToUtc(Local(2022, 3, 27, 2, 59), out _));
        Assert.False(clock.TryToUtc(Local(2022, 3, 27, 3, 30), out _));
        Assert.True(clock.TryToUtc(Local(2022, 3, 27, 4, 0), out var utc));
        Assert.Equal(Local(2022, 3, 27, 1, 0), utc);
    }

    [Fact]
    public void TryToUtc_RepeatedHour_FirstPassDaylightThenStandardAfterTheClockStepsBack()
    {
        var clock = LocalClock.Zone(Helsinki);
        long U(int h, int m)
        {
            Assert.True(clock.TryToUtc(Local(2022, 10, 30, h, m), out var utc));
            return utc;
        }

        Assert.Equal(Local(2022, 10, 30, 0, 10), U(3, 10));   // 03:10 EEST
        Assert.Equal(Local(2022, 10, 30, 0, 50), U(3, 50));   // 03:50 EEST
        Assert.Equal(Local(2022, 10, 30, 1, 5), U(3, 5));     // back to 03:05: now EET
        Assert.Equal(Local(2022, 10, 30, 1, 55), U(3, 55));   // 03:55 EET
        Assert.Equal(Local(2022, 10, 30, 2, 5), U(4, 5));     // after the repeated hour
    }
}
