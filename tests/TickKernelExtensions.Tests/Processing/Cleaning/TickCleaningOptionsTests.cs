using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

public sealed class TickCleaningOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() => TickCleaningOptions.Default.Validate();

    [Fact]
    public void Validate_SeveralBadFields_ReportsEveryOneInOneMessage()
    {
        var options = new TickCleaningOptions
        {
            SpikeWindow = 2,
            SpikeThreshold = 0,
            SpikeMinRelativeScale = double.NaN,
            WideSpreadMultiple = 0.5,
            StaleAfter = TimeSpan.Zero,
            Spikes = (CleaningPolicy)7,
            Gaps = new GapDetectionOptions
            {
                MinGap = TimeSpan.Zero,
                Sessions = new TradingSessionRule { TimeZoneId = "Mars/Olympus_Mons", AnnualHolidays = [new AnnualHoliday(2, 30)] },
            },
        };

        var e = Assert.Throws<MarketDataException>(options.Validate);

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        foreach (var field in new[] { "SpikeWindow is 2", "SpikeThreshold is 0", "SpikeMinRelativeScale is NaN", "WideSpreadMultiple is 0.5", "StaleAfter is 00:00:00",
                     "Spikes is 7", "Gaps.MinGap", "Gaps.Sessions.TimeZoneId is 'Mars/Olympus_Mons'", "Gaps.Sessions.AnnualHolidays has 2-30" })
        {
            Assert.Contains(field, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_InvalidOptions_Throws() =>
        Assert.Throws<MarketDataException>(() => TickCleaner.Create("EURUSD", new DateOnly(2024, 1, 2), new TickCleaningOptions { SpikeReanchorAfter = 0 }));

    [Fact]
    public void For_CryptoAndFx_CryptoNeverClosesFxKeepsTheWeek()
    {
        var btc = TickCleaningOptions.For(InstrumentCatalog.Default.Get("BTCUSD"));
        var eur = TickCleaningOptions.For(InstrumentCatalog.Default.Get("EURUSD"));

        Assert.Same(TradingSessionRule.AlwaysOpen, btc.Gaps.Sessions);
        Assert.Same(TradingSessionRule.Default, eur.Gaps.Sessions);
        Assert.Equal(TimeSpan.FromSeconds(60), eur.Gaps.MinGap);
    }
}
