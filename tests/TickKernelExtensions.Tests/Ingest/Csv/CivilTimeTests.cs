using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Csv;

public sealed class CivilTimeTests
{
    [Fact]
    public void DaysFromCivil_EveryDay1900To2100_MatchesDateTime()
    {
        for (var date = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc); date.Year <= 2100; date = date.AddDays(1))
        {
            var days = CivilTime.DaysFromCivil(date.Year, date.Month, date.Day);
            Assert.Equal((date - DateTime.UnixEpoch).Days, days);
            Assert.Equal((date.Year, date.Month, date.Day), CivilTime.CivilFromDays(days));
        }
    }

    [Theory]
    [InlineData(2011, 2, 29)]
    [InlineData(1900, 2, 29)]
    [InlineData(2011, 4, 31)]
    [InlineData(2011, 13, 1)]
    [InlineData(2011, 0, 1)]
    [InlineData(2011, 1, 0)]
    [InlineData(0, 1, 1)]
    public void DateMicros_DateThatDoesNotExist_IsMinusOne(int year, int month, int day) =>
        Assert.Equal(-1, CivilTime.DateMicros(year, month, day));

    [Fact]
    public void DateMicros_LeapDay_IsItsMidnight() =>
        Assert.Equal(TickTime.ToMicros(new DateTime(2000, 2, 29, 0, 0, 0, DateTimeKind.Utc)), CivilTime.DateMicros(2000, 2, 29));

    [Theory]
    [InlineData(24, 0, 0, 0)]
    [InlineData(23, 60, 0, 0)]
    [InlineData(23, 59, 60, 0)]
    [InlineData(23, 59, 59, 1000)]
    public void TimeOfDayMicros_OutOfRange_IsMinusOne(int hour, int minute, int second, int millisecond) =>
        Assert.Equal(-1, CivilTime.TimeOfDayMicros(hour, minute, second, millisecond));

    [Fact]
    public void TimeOfDayMicros_LastMillisecond_IsOneMillisecondBeforeMidnight() =>
        Assert.Equal(TickTime.MicrosPerDay - TickTime.MicrosPerMilli, CivilTime.TimeOfDayMicros(23, 59, 59, 999));
}
