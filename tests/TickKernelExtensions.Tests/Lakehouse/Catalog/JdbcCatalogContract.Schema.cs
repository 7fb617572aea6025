using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

public abstract partial class JdbcCatalogContract
{
    [Fact]
    public async Task OpenAsync_FreshDatabase_CreatesTheTablesIcebergsOwnDdlCreates()
    {
        var ours = await NewDatabaseAsync();
        await OpenAsync(ours);
        var reference = await NewDatabaseAsync();
        await ExecuteAsync(reference, IcebergV0CreateCatalogSql);
        await ExecuteAsync(reference, IcebergV1UpdateCatalogSql);
        await ExecuteAsync(reference, IcebergCreateNamespacePropertiesSql);

        foreach (var table in (string[])["iceberg_tables", "iceberg_namespace_properties"])
        {
            Assert.Equal(await DescribeAsync(reference, table), await DescribeAsync(ours, table));
        }
        var tables = await DescribeAsync(ours, "iceberg_tables");
        Assert.Equal(
            ["catalog_name", "table_namespace", "table_name", "metadata_location", "previous_metadata_location", "iceberg_type"],
            tables.Select(c => c.Name));
        Assert.Equal(["VARCHAR(255)", "VARCHAR(255)", "VARCHAR(255)", "VARCHAR(1000)", "VARCHAR(1000)", "VARCHAR(5)"], tables.Select(c => c.Type));
        Assert.Equal([1, 2, 3, 0, 0, 0], tables.Select(c => c.PrimaryKey));
        Assert.Equal([true, true, true, false, false, false], tables.Select(c => c.NotNull));
        var properties = await DescribeAsync(ours, "iceberg_namespace_properties");
        Assert.Equal(["catalog_name", "namespace", "property_key", "property_value"], properties.Select(c => c.Name));
        Assert.Equal(["VARCHAR(255)", "VARCHAR(255)", "VARCHAR(255)", "VARCHAR(1000)"], properties.Select(c => c.Type));
        Assert.Equal([1, 2, 3, 0], properties.Select(c => c.PrimaryKey));
    }

    [Fact]
    public async Task OpenAsync_V0Catalog_AddsIcebergTypeAndKeepsItsTables()
    {
        var database = await NewDatabaseAsync();
        await ExecuteAsync(database, IcebergV0CreateCatalogSql);
        await ExecuteAsync(database, IcebergCreateNamespacePropertiesSql);
        await ExecuteAsync(database,
            "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, previous_metadata_location) " +
            "VALUES ('lake', 'old', 'ticks', 's3://b/wh/old/ticks/metadata/00003-a.metadata.json', 's3://b/wh/old/ticks/metadata/00002-b.metadata.json')");

        var catalog = await OpenAsync(database);

        Assert.Contains(await DescribeAsync(database, "iceberg_tables"), c => c.Name == "iceberg_type" && c.Type == "VARCHAR(5)");
        var entry = await catalog.LoadTableAsync(new TableIdentifier("old", "ticks"), TestContext.Current.CancellationToken);
        Assert.Equal("s3://b/wh/old/ticks/metadata/00003-a.metadata.json", entry.MetadataLocation);
        Assert.Equal("s3://b/wh/old/ticks/metadata/00002-b.metadata.json", entry.PreviousMetadataLocation);
        Assert.True(await catalog.NamespaceExistsAsync("old", TestContext.Current.CancellationToken));
        // A NULL iceberg_type is a table (Iceberg's rule), so commits work on V0 rows too.
        await catalog.CommitAsync(new TableIdentifier("old", "ticks"), entry.MetadataLocation, "s3://b/wh/old/ticks/metadata/00004-c.metadata.json",
            TestContext.Current.CancellationToken);
        Assert.Equal("s3://b/wh/old/ticks/metadata/00004-c.metadata.json",
            (await catalog.LoadTableAsync(new TableIdentifier("old", "ticks"), TestContext.Current.CancellationToken)).MetadataLocation);
    }

    [Fact]
    public async Task OpenAsync_EightCatalogsAtOnceOnAFreshDatabase_CreateTheSchemaOnce()
    {
        var database = await NewDatabaseAsync();

        var catalogs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => OpenAsync(database))));

        Assert.Equal(6, (await DescribeAsync(database, "iceberg_tables")).Count);
        await catalogs[0].CreateNamespaceAsync("ns", cancellationToken: TestContext.Current.CancellationToken);
        foreach (var catalog in catalogs)
        {
            Assert.True(await catalog.NamespaceExistsAsync("ns", TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task OpenAsync_TablesMissingAndInitializationOff_FailsNamingTheTable()
    {
        var database = await NewDatabaseAsync();

        var error = await Assert.ThrowsAsync<CatalogException>(() =>
            JdbcCatalog.OpenAsync(OptionsFor(database) with { InitializeCatalogTables = false }, TestContext.Current.CancellationToken));

        Assert.Equal(CatalogErrorKind.IncompatibleSchema, error.Kind);
        Assert.Contains("iceberg_tables", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ForeignTableNamedIcebergTables_FailsNamingTheMissingColumns()
    {
        var database = await NewDatabaseAsync();
        await ExecuteAsync(database, "CREATE TABLE iceberg_tables (id INTEGER PRIMARY KEY, note VARCHAR(10))");

        var error = await Assert.ThrowsAsync<CatalogException>(() => OpenAsync(database));

        Assert.Equal(CatalogErrorKind.IncompatibleSchema, error.Kind);
        Assert.Contains("missing column(s) catalog_name, table_namespace, table_name, metadata_location, previous_metadata_location", error.Message,
            StringComparison.Ordinal);
    }
}
