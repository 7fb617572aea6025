using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

/// <summary>The write-path contract with the catalog on a real PostgreSQL server on loopback: one database per test.</summary>
[Collection(PostgresServer.Collection)]
public sealed class IcebergTablesPostgresTests(PostgresServer server) : IcebergTablesContract
{
    protected override async Task<JdbcCatalogOptions> NewCatalogAsync() => JdbcCatalogOptions.PostgreSql(await server.CreateDatabaseAsync());
}
