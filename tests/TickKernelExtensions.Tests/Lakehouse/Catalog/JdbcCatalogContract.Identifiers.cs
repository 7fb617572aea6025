using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

public abstract partial class JdbcCatalogContract
{
    private const string Injection = "x'; DROP TABLE iceberg_tables; --";

    [Fact]
    public async Task Identifiers_SqlInjectionInNames_IsRefusedAndNothingIsDropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var catalog = await OpenAsync(database);
        await catalog.CreateNamespaceAsync("bronze", cancellationToken: ct);
        await catalog.CreateTableAsync(new TableIdentifier("bronze", "ticks"), V0, ct);

        var refusals = new List<CatalogException>
        {
            await Assert.ThrowsAsync<CatalogException>(() => catalog.CreateNamespaceAsync(Injection, cancellationToken: ct)),
            await Assert.ThrowsAsync<CatalogException>(() => catalog.NamespaceExistsAsync(Injection, ct)),
            await Assert.ThrowsAsync<CatalogException>(() => catalog.DropNamespaceAsync(Injection, ct)),
            await Assert.ThrowsAsync<CatalogException>(() => catalog.ListTablesAsync(Injection, ct)),
            Assert.Throws<CatalogException>(() => new TableIdentifier("bronze", Injection)),
            Assert.Throws<CatalogException>(() => new TableIdentifier(Injection, "ticks")),
            Assert.Throws<CatalogException>(() => TableIdentifier.Parse("bronze." + Injection)),
        };
        var options = await Assert.ThrowsAsync<CatalogException>(() => OpenAsync(database, Injection));

        Assert.All(refusals, e => Assert.Equal(CatalogErrorKind.InvalidIdentifier, e.Kind));
        Assert.All(refusals, e => Assert.Contains("character '''", e.Message, StringComparison.Ordinal));
        Assert.Equal(CatalogErrorKind.InvalidOptions, options.Kind);
        Assert.Contains("CatalogName", options.Message, StringComparison.Ordinal);
        Assert.Equal(V0, (await catalog.LoadTableAsync(new TableIdentifier("bronze", "ticks"), ct)).MetadataLocation);
        Assert.Equal(6, (await DescribeAsync(database, "iceberg_tables")).Count);
    }

    [Fact]
    public async Task Identifiers_QuotesInValues_AreStoredVerbatimThroughParameters()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var catalog = await OpenAsync(database);
        var location = "s3://lake/" + Injection + "/metadata/00000-a.metadata.json";
        await catalog.CreateNamespaceAsync("bronze", new Dictionary<string, string> { ["comment"] = Injection }, ct);
        var table = new TableIdentifier("bronze", "ticks");

        await catalog.CreateTableAsync(table, location, ct);
        await catalog.CommitAsync(table, location, location + "'", ct);

        Assert.Equal(new CatalogTableEntry(table, location + "'", location), await catalog.LoadTableAsync(table, ct));
        Assert.Equal(Injection, (await catalog.LoadNamespacePropertiesAsync("bronze", ct))["comment"]);
        Assert.Equal(6, (await DescribeAsync(database, "iceberg_tables")).Count);
    }
}
