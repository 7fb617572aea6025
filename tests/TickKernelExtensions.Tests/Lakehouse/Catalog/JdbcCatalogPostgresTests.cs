using System.Data.Common;
using Npgsql;
using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

/// <summary>The catalog contract on a real PostgreSQL 15 server on loopback: one database per test.</summary>
[Collection(PostgresServer.Collection)]
public sealed class JdbcCatalogPostgresTests(PostgresServer server) : JdbcCatalogContract
{
    protected override Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync();

    protected override JdbcCatalogOptions OptionsFor(string database) => JdbcCatalogOptions.PostgreSql(database);

    protected override async Task<DbConnection> ConnectAsync(string database)
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    protected override async Task<List<(string Name, string Type, bool NotNull, int PrimaryKey)>> DescribeAsync(string database, string table)
    {
        var rows = await QueryAsync(database,
            "SELECT c.column_name, c.data_type, c.character_maximum_length, c.is_nullable, " +
            "(SELECT k.ordinal_position FROM information_schema.table_constraints t " +
            " JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema " +
            " WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name) " +
            "FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name = '" + table + "' ORDER BY c.ordinal_position");
        return rows.Select(r => (
            (string)r[0]!,
            (string)r[1]! == "character varying" ? $"VARCHAR({r[2]})" : ((string)r[1]!).ToUpperInvariant(),
            (string)r[3]! == "NO",
            r[4] is null ? 0 : Convert.ToInt32(r[4], System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    [Fact]
    public async Task CommitWithRetryAsync_ServerDropsTheConnectionBeforeTheUpdate_CommitsTheSameMetadataOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var catalog = await OpenAsync(database, retry: new CommitRetryOptions { MinBackoff = TimeSpan.Zero, MaxBackoff = TimeSpan.Zero });
        await catalog.CreateNamespaceAsync("bronze", cancellationToken: ct);
        var table = new TableIdentifier("bronze", "ticks");
        const string first = "s3://lake/wh/bronze/ticks/metadata/00000-a.metadata.json";
        const string second = "s3://lake/wh/bronze/ticks/metadata/00001-b.metadata.json";
        await catalog.CreateTableAsync(table, first, ct);
        var calls = 0;

        var result = await catalog.CommitWithRetryAsync(table, async (current, token) =>
        {
            calls++;
            // The server ends every other session, so the catalog's pooled connection is dead when the update is sent.
            await ExecuteAsync(database,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            return second;
        }, cancellationToken: ct);

        Assert.Equal(1, calls);
        Assert.Equal(2, result.Attempts);
        Assert.Empty(result.AbandonedLocations);
        Assert.Equal(new CatalogTableEntry(table, second, first), await catalog.LoadTableAsync(table, ct));
    }
}
