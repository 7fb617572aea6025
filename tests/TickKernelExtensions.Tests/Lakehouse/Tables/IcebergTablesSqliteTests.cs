using Microsoft.Data.Sqlite;
using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

/// <summary>The write-path contract with the SQLite catalog: one database file per test.</summary>
public sealed class IcebergTablesSqliteTests : IcebergTablesContract
{
    private readonly TempDirectory _databases = new();

    protected override Task<JdbcCatalogOptions> NewCatalogAsync() =>
        Task.FromResult(JdbcCatalogOptions.Sqlite(_databases.File(Guid.NewGuid().ToString("N") + ".db")));

    protected override ValueTask DisposeDatabasesAsync()
    {
        SqliteConnection.ClearAllPools();
        _databases.Dispose();
        return ValueTask.CompletedTask;
    }
}
