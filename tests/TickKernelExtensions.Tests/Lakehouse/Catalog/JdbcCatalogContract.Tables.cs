using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

public abstract partial class JdbcCatalogContract
{
    private const string V0 = "s3://lake/wh/bronze/ticks/metadata/00000-0b1c2d3e.metadata.json";

    [Fact]
    public async Task Tables_CreateLoadListRenameDrop_WriteIcebergsRows()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var catalog = await OpenAsync(database);
        await catalog.CreateNamespaceAsync("bronze", cancellationToken: ct);
        await catalog.CreateNamespaceAsync("silver", cancellationToken: ct);
        var ticks = new TableIdentifier("bronze", "ticks");

        await catalog.CreateTableAsync(ticks, V0, ct);
        await catalog.CreateTableAsync(new TableIdentifier("bronze", "bars"), "s3://lake/wh/bronze/bars/metadata/00000-a.metadata.json", ct);

        var row = Assert.Single(await QueryAsync(database,
            "SELECT catalog_name, table_namespace, table_name, metadata_location, previous_metadata_location, iceberg_type FROM iceberg_tables WHERE table_name = 'ticks'"));
        Assert.Equal(["lake", "bronze", "ticks", V0, null, "TABLE"], row);
        Assert.Equal(new CatalogTableEntry(ticks, V0, null), await catalog.LoadTableAsync(ticks, ct));
        Assert.True(await catalog.TableExistsAsync(ticks, ct));
        Assert.Equal(["bronze.bars", "bronze.ticks"], (await catalog.ListTablesAsync("bronze", ct)).Select(t => t.ToString()));

        var moved = new TableIdentifier("silver", "ticks_v1");
        await catalog.RenameTableAsync(ticks, moved, ct);
        Assert.False(await catalog.TableExistsAsync(ticks, ct));
        Assert.Equal(V0, (await catalog.LoadTableAsync(moved, ct)).MetadataLocation);
        Assert.Equal(["silver.ticks_v1"], (await catalog.ListTablesAsync("silver", ct)).Select(t => t.ToString()));

        Assert.True(await catalog.DropTableAsync(moved, ct));
        Assert.False(await catalog.DropTableAsync(moved, ct));
        var gone = await Assert.ThrowsAsync<CatalogException>(() => catalog.LoadTableAsync(moved, ct));
        Assert.Equal(CatalogErrorKind.TableNotFound, gone.Kind);
        Assert.Contains("'silver.ticks_v1'", gone.Message, StringComparison.Ordinal);
        Assert.Contains("catalog 'lake'", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_DuplicateCreateOrRenameOntoExisting_NamesTheTableAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var catalog = await OpenAsync(await NewDatabaseAsync());
        await catalog.CreateNamespaceAsync("bronze", cancellationToken: ct);
        var ticks = new TableIdentifier("bronze", "ticks");
        var bars = new TableIdentifier("bronze", "bars");
        await catalog.CreateTableAsync(ticks, V0, ct);
        await catalog.CreateTableAsync(bars, "s3://lake/bars/metadata/00000-b.metadata.json", ct);

        var create = await Assert.ThrowsAsync<CatalogException>(() => catalog.CreateTableAsync(ticks, "s3://lake/other/00000-c.metadata.json", ct));
        var rename = await Assert.ThrowsAsync<CatalogException>(() => catalog.RenameTableAsync(bars, ticks, ct));
        var missing = await Assert.ThrowsAsync<CatalogException>(() =>
            catalog.RenameTableAsync(new TableIdentifier("bronze", "nope"), new TableIdentifier("bronze", "nope2"), ct));
        var toUnknownNamespace = await Assert.ThrowsAsync<CatalogException>(() =>
            catalog.RenameTableAsync(bars, new TableIdentifier("gold", "bars"), ct));

        Assert.Equal(CatalogErrorKind.TableAlreadyExists, create.Kind);
        Assert.Contains("'bronze.ticks' already exists", create.Message, StringComparison.Ordinal);
        Assert.Equal(CatalogErrorKind.TableAlreadyExists, rename.Kind);
        Assert.Equal(CatalogErrorKind.TableNotFound, missing.Kind);
        Assert.Contains("'bronze.nope'", missing.Message, StringComparison.Ordinal);
        Assert.Equal(CatalogErrorKind.NamespaceNotFound, toUnknownNamespace.Kind);
        Assert.Contains("'gold'", toUnknownNamespace.Message, StringComparison.Ordinal);
        Assert.Equal(V0, (await catalog.LoadTableAsync(ticks, ct)).MetadataLocation);
        Assert.Equal("s3://lake/bars/metadata/00000-b.metadata.json", (await catalog.LoadTableAsync(bars, ct)).MetadataLocation);
    }

    [Fact]
    public async Task Tables_ViewOfTheSameName_BlocksCreateAndIsNeverLoadedAsATable()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var catalog = await OpenAsync(database);
        await catalog.CreateNamespaceAsync("gold", cancellationToken: ct);
        await ExecuteAsync(database,
            "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, previous_metadata_location, iceberg_type) " +
            "VALUES ('lake', 'gold', 'daily', 's3://lake/gold/daily/metadata/00000-v.metadata.json', NULL, 'VIEW')");
        var daily = new TableIdentifier("gold", "daily");

        Assert.False(await catalog.TableExistsAsync(daily, ct));
        Assert.Empty(await catalog.ListTablesAsync("gold", ct));
        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.CreateTableAsync(daily, "s3://lake/gold/daily/t.metadata.json", ct));
        Assert.Equal(CatalogErrorKind.TableAlreadyExists, error.Kind);
        Assert.Contains("view named 'gold.daily'", error.Message, StringComparison.Ordinal);
        Assert.False(await catalog.DropTableAsync(daily, ct));
        Assert.Single(await QueryAsync(database, "SELECT 1 FROM iceberg_tables WHERE iceberg_type = 'VIEW'"));
    }

    [Fact]
    public async Task Tables_LocationLongerThanTheColumn_IsRefusedBeforeAnySql()
    {
        var ct = TestContext.Current.CancellationToken;
        var catalog = await OpenAsync(await NewDatabaseAsync());
        await catalog.CreateNamespaceAsync("bronze", cancellationToken: ct);
        var ticks = new TableIdentifier("bronze", "ticks");

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.CreateTableAsync(ticks, "s3://b/" + new string('x', 1000), ct));

        Assert.Equal(CatalogErrorKind.InvalidLocation, error.Kind);
        Assert.Contains("1007 characters", error.Message, StringComparison.Ordinal);
        Assert.False(await catalog.TableExistsAsync(ticks, ct));
    }
}
