using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

public sealed class CatalogOptionsTests
{
    [Fact]
    public void Defaults_AreIcebergsCommitRetryDefaults()
    {
        var options = new CommitRetryOptions();

        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.MinBackoff);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxBackoff);
        options.Validate();
    }

    [Fact]
    public void Validate_EveryBadField_ReportedAtOnce()
    {
        var options = new CommitRetryOptions { MaxAttempts = 0, MinBackoff = TimeSpan.FromSeconds(-1), MaxBackoff = TimeSpan.FromSeconds(-2) };

        var error = Assert.Throws<CatalogException>(options.Validate);

        Assert.Equal(CatalogErrorKind.InvalidOptions, error.Kind);
        Assert.Contains("MaxAttempts must be at least 1 (actual 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("MinBackoff must not be negative", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBackoff must be at least MinBackoff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_GrowsExponentiallyUpToTheCapWithFullJitter()
    {
        var options = new CommitRetryOptions { MinBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromMilliseconds(1000) };
        var random = new Random(7);

        for (var retry = 1; retry <= 12; retry++)
        {
            var ceiling = TimeSpan.FromMilliseconds(Math.Min(1000, 100 * Math.Pow(2, retry - 1)));
            var waits = Enumerable.Range(0, 200).Select(_ => options.Backoff(retry, random)).ToList();
            Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, ceiling));
            // Full jitter: the waits spread over the range instead of clustering at the ceiling.
            Assert.InRange(waits.Min(), TimeSpan.Zero, ceiling * 0.2);
            Assert.InRange(waits.Max(), ceiling * 0.8, ceiling);
        }
    }

    [Fact]
    public void JdbcCatalogOptions_Validate_ReportsEveryBadField()
    {
        var options = JdbcCatalogOptions.Sqlite("") with
        {
            CatalogName = "Lake",
            BusyTimeout = TimeSpan.Zero,
            CommitRetry = new CommitRetryOptions { MaxAttempts = 0 },
        };

        var error = Assert.Throws<CatalogException>(options.Validate);

        Assert.Contains("Connection must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("CatalogName: Invalid catalog name 'Lake'", error.Message, StringComparison.Ordinal);
        Assert.Contains("BusyTimeout must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxAttempts must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void JdbcCatalogOptions_FromSettingUnset_IsCatalogDbUnderTheDataRoot(string? value)
    {
        var options = JdbcCatalogOptions.FromSetting(value, new DataLayout("lakedata"));

        Assert.Equal(CatalogBackend.Sqlite, options.Backend);
        Assert.Equal(Path.Combine("lakedata", "catalog.db"), options.Connection);
        Assert.Equal("lake", options.CatalogName);
    }

    [Fact]
    public void JdbcCatalogOptions_FromSettingConnectionStringOrPath_PicksTheBackend()
    {
        var postgres = JdbcCatalogOptions.FromSetting("Host=db;Port=5432;Database=lake;Username=iceberg", DataLayout.Default);
        var sqlite = JdbcCatalogOptions.FromSetting("shared/catalog.db", DataLayout.Default);

        Assert.Equal(CatalogBackend.PostgreSql, postgres.Backend);
        Assert.Equal("Host=db;Port=5432;Database=lake;Username=iceberg", postgres.Connection);
        Assert.Equal(CatalogBackend.Sqlite, sqlite.Backend);
        Assert.Equal("shared/catalog.db", sqlite.Connection);
    }
}
