using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Sql;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Sql;

/// <summary>The same SQL with the catalog on a real PostgreSQL server on loopback: table names resolve through it.</summary>
[Collection(PostgresServer.Collection)]
public sealed class LakehouseSqlPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task QueryAsync_PostgresCatalog_ReadsCurrentAndEarlierSnapshotsAndJoins()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync();
        await using var lake = await FixtureLake.CreateAsync(JdbcCatalogOptions.PostgreSql(database));

        var counts = await lake.Sql.QueryAsync(
            "SELECT (SELECT count(*) FROM java.bunnies), (SELECT count(*) FROM spark.bunnies FOR VERSION AS OF 7505300640432048841), " +
            "(SELECT count(*) FROM athena.example a JOIN spark.rename_column r ON a.id = r.id)",
            cancellationToken: ct);
        var zealand = await lake.Sql.QueryAsync("SELECT * FROM java.bunnies WHERE \"Breed Name\" = 'New Zealand'", cancellationToken: ct);

        Assert.Equal([15L, 21L, 2L], Assert.Single(counts.Rows));
        Assert.Equal("New Zealand, 4, 2.7, 8, New Zealand, Erect, Affectionate, 0, true", IcebergFixtureTables.Render(Assert.Single(zealand.Rows)));
        Assert.Equal(
            [new TableIdentifier("athena", "example"), new("java", "bunnies"), new("spark", "bunnies"), new("spark", "rename_column")],
            await lake.Sql.ListTablesAsync(ct));
    }
}
