using System.Data.Common;
using Microsoft.Data.Sqlite;
using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

/// <summary>The catalog contract on SQLite: one database file per test.</summary>
public sealed class JdbcCatalogSqliteTests : JdbcCatalogContract
{
    private readonly TempDirectory _databases = new();

    protected override Task<string> NewDatabaseAsync() =>
        Task.FromResult(_databases.File(Guid.NewGuid().ToString("N") + ".db"));

    protected override JdbcCatalogOptions OptionsFor(string database) => JdbcCatalogOptions.Sqlite(database);

    protected override async Task<DbConnection> ConnectAsync(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    protected override async Task<List<(string Name, string Type, bool NotNull, int PrimaryKey)>> DescribeAsync(string database, string table)
    {
        var rows = await QueryAsync(database, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY cid");
        return rows.Select(r => ((string)r[0]!, ((string)r[1]!).ToUpperInvariant(), (long)r[2]! != 0, (int)(long)r[3]!)).ToList();
    }

    [Fact]
    public async Task OpenAsync_Sqlite_UsesTheWriteAheadLog()
    {
        var database = await NewDatabaseAsync();
        await OpenAsync(database);

        Assert.Equal("wal", Assert.Single(await QueryAsync(database, "PRAGMA journal_mode"))[0]);
    }

    protected override ValueTask DisposeDatabasesAsync()
    {
        SqliteConnection.ClearAllPools();
        _databases.Dispose();
        return ValueTask.CompletedTask;
    }
}
