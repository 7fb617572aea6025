using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Simulation;

public sealed class MarketSimulatorOptionsTests
{
    [Fact]
    public void Defaults_ThreeWeeksOfThreeSymbolsAcrossUsDst_AreValid()
    {
        var options = new MarketSimulatorOptions();

        options.Validate();

        Assert.Equal(["EURUSD", "USDJPY", "XAUUSD"], options.Symbols);
        Assert.Equal(new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc), options.StartUtc);
        Assert.Equal(new DateTime(2024, 3, 25, 0, 0, 0, DateTimeKind.Utc), options.EndUtc);
        Assert.InRange(new DateTime(2024, 3, 10), options.StartUtc, options.EndUtc);
        Assert.Equal(42, options.Seed);
        Assert.Equal(SimulationMode.Realistic, options.Mode);
    }

    [Fact]
    public void Validate_ManyBadFields_ReportsEveryOneAtOnce()
    {
        var options = new MarketSimulatorOptions
        {
            Symbols = ["EURUSD", "NOPE"],
            StartUtc = new DateTime(2024, 3, 4, 0, 30, 0, DateTimeKind.Utc),
            EndUtc = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            Mode = (SimulationMode)7,
            TickRateScale = 0,
            VolatilityScale = double.NaN,
            SpreadScale = -1,
            SpikeRate = 0.5,
            CrossedQuoteRate = -0.1,
            MissingHourRate = 2,
            MeanRegimeHours = 0.5,
            RolloverSpreadMultiplier = 0.5,
            MaxDegreeOfParallelism = 0,
        };

        var e = Assert.Throws<MarketDataException>(() => options.Validate());

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        string[] fields =
        [
            "Symbols", "StartUtc", "EndUtc", "Mode", "TickRateScale", "VolatilityScale", "SpreadScale", "SpikeRate",
            "CrossedQuoteRate", "MissingHourRate", "MeanRegimeHours", "RolloverSpreadMultiplier", "MaxDegreeOfParallelism",
        ];
        foreach (var field in fields)
        {
            Assert.Contains(field + ":", e.Message, StringComparison.Ordinal);
            Assert.Contains(field, e.Field, StringComparison.Ordinal);
        }
        Assert.Contains("NOPE", e.Message, StringComparison.Ordinal);
        Assert.Contains("13 problems", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameInstrumentUnderTwoSpellings_Rejected()
    {
        var options = new MarketSimulatorOptions { Symbols = ["EURUSD", "EUR/USD"] };

        var e = Assert.Throws<MarketDataException>(() => options.Validate());

        Assert.Contains("EURUSD repeated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LocalTimes_Rejected()
    {
        var options = new MarketSimulatorOptions { StartUtc = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Local) };

        var e = Assert.Throws<MarketDataException>(() => options.Validate());

        Assert.Contains("Kind Local", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnyCataloguedSymbol_Accepted()
    {
        var options = new MarketSimulatorOptions { Symbols = InstrumentCatalog.Default.All.Select(i => i.ApiCode).ToList() };

        options.Validate();
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsTypedError()
    {
        var e = Assert.Throws<MarketDataException>(() => new MarketSimulator(new MarketSimulatorOptions { Symbols = [] }));

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("Symbols", e.Message, StringComparison.Ordinal);
    }
}
