using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Tables;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

/// <summary>Warehouse options: S3 spellings, validation at the boundary, the locations new tables get.</summary>
public sealed class IcebergTablesOptionsTests
{
    [Theory]
    [InlineData("s3n://lake/wh", "must be s3://bucket/prefix or s3a://bucket/prefix")]
    [InlineData("s3://Bad_Bucket/wh", "Bad_Bucket")]
    [InlineData("s3://lake/wh/../x", "'..' segment")]
    public void Validate_BadS3Warehouse_NamesTheFieldAndTheProblem(string warehouse, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new IcebergTablesOptions { Warehouse = warehouse, Time = null! }.Validate());

        Assert.Contains("Warehouse", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("Time must not be null", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://lake/warehouse/", "s3://lake/warehouse/research/eurusd/ticks")]
    [InlineData("s3a://lake/warehouse", "s3a://lake/warehouse/research/eurusd/ticks")]
    [InlineData("s3://lake", "s3://lake/research/eurusd/ticks")]
    public async Task DefaultLocation_S3Warehouse_IsTheWarehouseUriWithNamespaceFolders(string warehouse, string expected)
    {
        using var dir = new TempDirectory();
        await using var catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(dir.Combine("catalog.db")), TestContext.Current.CancellationToken);
        using var tables = new IcebergTables(catalog, new IcebergTablesOptions { Warehouse = warehouse });

        Assert.True(tables.IsRemote);
        Assert.Equal(expected, tables.DefaultLocation(new TableIdentifier("research.eurusd", "ticks")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
