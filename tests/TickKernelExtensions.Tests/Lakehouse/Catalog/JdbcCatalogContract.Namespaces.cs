using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

public abstract partial class JdbcCatalogContract
{
    [Fact]
    public async Task Namespaces_CreateListLoadSetDrop_BehaveAsIcebergsJdbcCatalog()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var catalog = await OpenAsync(database);

        await catalog.CreateNamespaceAsync("bronze", new Dictionary<string, string> { ["owner"] = "research", ["comment"] = "as received" }, ct);
        await catalog.CreateNamespaceAsync("research.eurusd.v2", cancellationToken: ct);
        await catalog.CreateNamespaceAsync("research.usdjpy", cancellationToken: ct);

        Assert.Equal(["bronze", "research"], await catalog.ListNamespacesAsync(cancellationToken: ct));
        Assert.Equal(["research.eurusd", "research.usdjpy"], await catalog.ListNamespacesAsync("research", ct));
        Assert.Equal(["research.eurusd.v2"], await catalog.ListNamespacesAsync("research.eurusd", ct));
        Assert.Empty(await catalog.ListNamespacesAsync("bronze", ct));
        Assert.True(await catalog.NamespaceExistsAsync("research", ct));
        Assert.True(await catalog.NamespaceExistsAsync("research.eurusd.v2", ct));
        Assert.False(await catalog.NamespaceExistsAsync("research.eur", ct));
        Assert.False(await catalog.NamespaceExistsAsync("silver", ct));

        // Stored the way Iceberg stores them: dotted names, one row per property, plus exists=true.
        var rows = await QueryAsync(database,
            "SELECT namespace, property_key, property_value FROM iceberg_namespace_properties WHERE catalog_name = 'lake' ORDER BY namespace, property_key");
        Assert.Equal(
            ["bronze|comment|as received", "bronze|exists|true", "bronze|owner|research", "research.eurusd.v2|exists|true", "research.usdjpy|exists|true"],
            rows.Select(r => string.Join('|', r)));

        Assert.Equal(new Dictionary<string, string> { ["comment"] = "as received", ["owner"] = "research" },
            await catalog.LoadNamespacePropertiesAsync("bronze", ct));
        await catalog.SetNamespacePropertiesAsync("bronze", new Dictionary<string, string> { ["owner"] = "ops", ["tier"] = "1" }, ["comment"], ct);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "ops", ["tier"] = "1" }, await catalog.LoadNamespacePropertiesAsync("bronze", ct));

        var duplicate = await Assert.ThrowsAsync<CatalogException>(() => catalog.CreateNamespaceAsync("bronze", cancellationToken: ct));
        Assert.Equal(CatalogErrorKind.NamespaceAlreadyExists, duplicate.Kind);
        Assert.Contains("'bronze'", duplicate.Message, StringComparison.Ordinal);

        var notEmpty = await Assert.ThrowsAsync<CatalogException>(() => catalog.DropNamespaceAsync("research.eurusd", ct));
        Assert.Equal(CatalogErrorKind.NamespaceNotEmpty, notEmpty.Kind);
        Assert.Contains("research.eurusd.v2", notEmpty.Message, StringComparison.Ordinal);

        Assert.True(await catalog.DropNamespaceAsync("research.eurusd.v2", ct));
        Assert.False(await catalog.DropNamespaceAsync("research.eurusd.v2", ct));
        Assert.Equal(["research.usdjpy"], await catalog.ListNamespacesAsync("research", ct));
        Assert.True(await catalog.DropNamespaceAsync("bronze", ct));
        Assert.Equal(["research"], await catalog.ListNamespacesAsync(cancellationToken: ct));
    }

    [Fact]
    public async Task Namespaces_Unknown_ErrorsNameTheNamespace()
    {
        var ct = TestContext.Current.CancellationToken;
        var catalog = await OpenAsync(await NewDatabaseAsync());

        foreach (var call in (Func<Task>[])
        [
            () => catalog.LoadNamespacePropertiesAsync("nowhere", ct),
            () => catalog.ListTablesAsync("nowhere", ct),
            () => catalog.ListNamespacesAsync("nowhere", ct),
            () => catalog.SetNamespacePropertiesAsync("nowhere", new Dictionary<string, string> { ["a"] = "b" }, null, ct),
            () => catalog.CreateTableAsync(new TableIdentifier("nowhere", "t"), "s3://b/t/metadata/00000-a.metadata.json", ct),
        ])
        {
            var error = await Assert.ThrowsAsync<CatalogException>(call);
            Assert.Equal(CatalogErrorKind.NamespaceNotFound, error.Kind);
            Assert.Contains("'nowhere'", error.Message, StringComparison.Ordinal);
            Assert.Equal("nowhere", error.Identifier);
        }
    }

    [Fact]
    public async Task Namespaces_ReservedExistsProperty_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var catalog = await OpenAsync(await NewDatabaseAsync());
        await catalog.CreateNamespaceAsync("ns", cancellationToken: ct);

        var set = await Assert.ThrowsAsync<CatalogException>(() =>
            catalog.CreateNamespaceAsync("other", new Dictionary<string, string> { ["exists"] = "false" }, ct));
        var remove = await Assert.ThrowsAsync<CatalogException>(() =>
            catalog.SetNamespacePropertiesAsync("ns", new Dictionary<string, string>(), ["exists"], ct));

        Assert.Contains("'exists' is reserved", set.Message, StringComparison.Ordinal);
        Assert.Contains("'exists' is reserved", remove.Message, StringComparison.Ordinal);
        Assert.False(await catalog.NamespaceExistsAsync("other", ct));
    }

    [Fact]
    public async Task Namespaces_TwoCatalogNamesInOneDatabase_SeeOnlyTheirOwn()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var lake = await OpenAsync(database, "lake");
        var scratch = await OpenAsync(database, "scratch");

        await lake.CreateNamespaceAsync("bronze", cancellationToken: ct);
        await lake.CreateTableAsync(new TableIdentifier("bronze", "ticks"), "s3://b/lake/ticks/metadata/00000-a.metadata.json", ct);
        await scratch.CreateNamespaceAsync("bronze", cancellationToken: ct);

        Assert.Empty(await scratch.ListTablesAsync("bronze", ct));
        Assert.False(await scratch.TableExistsAsync(new TableIdentifier("bronze", "ticks"), ct));
        Assert.Single(await lake.ListTablesAsync("bronze", ct));
        Assert.True(await scratch.DropNamespaceAsync("bronze", ct));
        Assert.True(await lake.NamespaceExistsAsync("bronze", ct));
    }
}
