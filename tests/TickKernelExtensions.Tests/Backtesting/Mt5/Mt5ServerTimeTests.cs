using TickKernelExtensions.Backtesting.Mt5;

namespace TickKernelExtensions.Tests.Backtesting.Mt5;

public sealed class Mt5ServerTimeTests
{
    [Theory]
    [InlineData("utc", "utc", 0)]
    [InlineData("+02:00", "+02:00", 120)]
    [InlineData("-05:30", "-05:30", -330)]
    [InlineData("new-york-close", "new-york-close", 120)]
    [InlineData("Europe/Athens", "Europe/Athens", 120)]
    public void Parse_KnownSpellings_NameAndWinterOffset(string text, string name, int minutes)
    {
        var clock = Mt5ServerTime.Parse(text);

        Assert.Equal(name, clock.Name);
        Assert.Equal(TimeSpan.FromMinutes(minutes), clock.OffsetAt(new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void NewYorkClose_FollowsUsDaylightSavingNotEuropes()
    {
        // 2024-03-10 to 2024-03-31: New York is on summer time, Europe is not yet.
        var clock = Mt5ServerTime.NewYorkClose;

        Assert.Equal(TimeSpan.FromHours(3), clock.OffsetAt(new DateTime(2024, 3, 20, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2024, 3, 20, 17, 0, 0, DateTimeKind.Utc), clock.ToUtc(new DateTime(2024, 3, 20, 20, 0, 0)));
    }

    [Fact]
    public void Parse_Unknown_NamesWhatIsAccepted()
    {
        var e = Assert.Throws<Mt5Exception>(() => Mt5ServerTime.Parse("Mars/Olympus"));

        Assert.Equal(Mt5ErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("new-york-close", e.Message, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", e.Message, StringComparison.Ordinal);
    }
}
