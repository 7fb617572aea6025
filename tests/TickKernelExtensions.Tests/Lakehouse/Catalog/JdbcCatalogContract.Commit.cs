using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

public abstract partial class JdbcCatalogContract
{
    private const string V1 = "s3://lake/wh/bronze/ticks/metadata/00001-1a.metadata.json";
    private const string V2 = "s3://lake/wh/bronze/ticks/metadata/00002-2b.metadata.json";

    private async Task<(JdbcCatalog Catalog, TableIdentifier Table, string Database)> TickTableAsync(CommitRetryOptions? retry = null)
    {
        var database = await NewDatabaseAsync();
        var catalog = await OpenAsync(database, retry: retry);
        await catalog.CreateNamespaceAsync("bronze", cancellationToken: TestContext.Current.CancellationToken);
        var table = new TableIdentifier("bronze", "ticks");
        await catalog.CreateTableAsync(table, V0, TestContext.Current.CancellationToken);
        return (catalog, table, database);
    }

    [Fact]
    public async Task CommitAsync_FromTheCurrentLocation_SwapsItAndRecordsThePrevious()
    {
        var ct = TestContext.Current.CancellationToken;
        var (catalog, table, database) = await TickTableAsync();

        await catalog.CommitAsync(table, V0, V1, ct);
        await catalog.CommitAsync(table, V1, V2, ct);

        Assert.Equal(new CatalogTableEntry(table, V2, V1), await catalog.LoadTableAsync(table, ct));
        var row = Assert.Single(await QueryAsync(database, "SELECT metadata_location, previous_metadata_location, iceberg_type FROM iceberg_tables"));
        Assert.Equal([V2, V1, "TABLE"], row);
    }

    [Fact]
    public async Task CommitAsync_FromAStaleLocation_ThrowsConflictCarryingTheCurrentOneAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (catalog, table, _) = await TickTableAsync();
        await catalog.CommitAsync(table, V0, V1, ct);

        var conflict = await Assert.ThrowsAsync<CommitConflictException>(() => catalog.CommitAsync(table, V0, V2, ct));

        Assert.Equal(CatalogErrorKind.CommitConflict, conflict.Kind);
        Assert.Equal(V1, conflict.CurrentLocation);
        Assert.Equal(V0, conflict.ExpectedLocation);
        Assert.Contains("'bronze.ticks'", conflict.Message, StringComparison.Ordinal);
        Assert.Contains(V1, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(new CatalogTableEntry(table, V1, V0), await catalog.LoadTableAsync(table, ct));
    }

    [Fact]
    public async Task CommitAsync_UnknownTableOrSameLocation_IsAClearErrorNotAConflict()
    {
        var ct = TestContext.Current.CancellationToken;
        var (catalog, table, _) = await TickTableAsync();

        var unknown = await Assert.ThrowsAsync<CatalogException>(() => catalog.CommitAsync(new TableIdentifier("bronze", "quotes"), V0, V1, ct));
        var same = await Assert.ThrowsAsync<CatalogException>(() => catalog.CommitAsync(table, V0, V0, ct));

        Assert.Equal(CatalogErrorKind.TableNotFound, unknown.Kind);
        Assert.Contains("'bronze.quotes'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(CatalogErrorKind.InvalidLocation, same.Kind);
        Assert.Equal(V0, (await catalog.LoadTableAsync(table, ct)).MetadataLocation);
    }

    [Fact]
    public async Task CommitWithRetryAsync_AlwaysLosingTheRace_StopsAtTheBoundAndKeepsEveryRivalCommit()
    {
        var ct = TestContext.Current.CancellationToken;
        var (catalog, table, database) = await TickTableAsync();
        var rival = await OpenAsync(database);
        var rivalCommits = new List<string>();
        var attempts = 0;
        var retry = new CommitRetryOptions { MaxAttempts = 3, MinBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(4) };

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.CommitWithRetryAsync(table, async (current, token) =>
        {
            attempts++;
            // A rival commits between our read and our compare-and-swap, every time.
            var next = $"s3://lake/wh/bronze/ticks/metadata/rival-{attempts}.metadata.json";
            await rival.CommitAsync(table, current, next, token);
            rivalCommits.Add(next);
            return $"s3://lake/wh/bronze/ticks/metadata/ours-{attempts}.metadata.json";
        }, retry, ct));

        Assert.Equal(CatalogErrorKind.CommitRetriesExhausted, error.Kind);
        Assert.Equal(3, attempts);
        Assert.Contains("failed 3 time(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(new CatalogTableEntry(table, rivalCommits[2], rivalCommits[1]), await catalog.LoadTableAsync(table, ct));
    }

    [Fact]
    public async Task CommitWithRetryAsync_LosingOnce_ReappliesOnTheWinnersLocation()
    {
        var ct = TestContext.Current.CancellationToken;
        var (catalog, table, database) = await TickTableAsync();
        var rival = await OpenAsync(database);
        var seen = new List<string>();
        var retry = new CommitRetryOptions { MinBackoff = TimeSpan.Zero, MaxBackoff = TimeSpan.Zero };

        var result = await catalog.CommitWithRetryAsync(table, async (current, token) =>
        {
            seen.Add(current);
            if (seen.Count == 1)
            {
                await rival.CommitAsync(table, current, V1, token);
            }
            return $"s3://lake/wh/bronze/ticks/metadata/ours-{seen.Count}.metadata.json";
        }, retry, ct);

        Assert.Equal([V0, V1], seen);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(V1, result.PreviousLocation);
        Assert.Equal("s3://lake/wh/bronze/ticks/metadata/ours-2.metadata.json", result.MetadataLocation);
        Assert.Equal(["s3://lake/wh/bronze/ticks/metadata/ours-1.metadata.json"], result.AbandonedLocations);
        Assert.Equal(new CatalogTableEntry(table, result.MetadataLocation, V1), await catalog.LoadTableAsync(table, ct));
    }
}
