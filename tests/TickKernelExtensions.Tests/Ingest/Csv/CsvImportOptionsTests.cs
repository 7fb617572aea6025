using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Csv;

public sealed class CsvImportOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = new CsvImportOptions();

        options.Validate();
        Assert.Equal(CsvTickFormat.Auto, options.Format);
        Assert.Equal(65_536, options.BatchSize);
        Assert.Same(TickValidationOptions.Strict, options.Validation);
        Assert.Same(InstrumentCatalog.Default, options.Catalog);
        Assert.Equal(Environment.ProcessorCount, options.MaxDegreeOfParallelism);
    }

    [Fact]
    public void Validate_SeveralBadProperties_ReportsEveryOneAtOnce()
    {
        var options = new CsvImportOptions
        {
            Format = (CsvTickFormat)42,
            Symbol = " ",
            UtcOffset = TimeSpan.FromHours(15),
            TimeZone = "Mars/Olympus_Mons",
            BatchSize = 0,
        };

        var e = Assert.Throws<MarketDataException>(options.Validate);

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        foreach (var field in new[] { "Format", "Symbol", "UtcOffset", "TimeZone", "BatchSize" })
        {
            Assert.Contains(field, e.Field, StringComparison.Ordinal);
        }
        Assert.Contains("Mars/Olympus_Mons", e.Message, StringComparison.Ordinal);
        Assert.Contains("both are set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroDegreeOfParallelism_Refused()
    {
        var e = Assert.Throws<MarketDataException>(new CsvImportOptions { MaxDegreeOfParallelism = 0 }.Validate);

        Assert.Equal("MaxDegreeOfParallelism", e.Field);
        Assert.Contains("0 is below 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OffsetWithSeconds_Refused()
    {
        var e = Assert.Throws<MarketDataException>(new CsvImportOptions { UtcOffset = TimeSpan.FromSeconds(90) }.Validate);

        Assert.Equal("UtcOffset", e.Field);
    }

    [Fact]
    public void Open_InvalidOptions_FailBeforeTheFileIsTouched()
    {
        var e = Assert.Throws<MarketDataException>(() => CsvTickReader.Open("does-not-exist.csv", new CsvImportOptions { BatchSize = -1 }));

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
    }
}
