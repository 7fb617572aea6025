using Microsoft.Data.Sqlite;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>
/// File pruning by column bounds on integer-like columns (compared as ordinals read from the bound bytes), including
/// the 4-byte bounds an int column's files keep after the column is widened to long, and on the other types.
/// </summary>
public sealed class IcebergScanPlannerBoundsTests : IAsyncLifetime
{
    private static readonly TableIdentifier Table = new("lab", "bounds");
    private readonly TempDirectory _folder = new();
    private JdbcCatalog _catalog = null!;
    private IcebergTables _tables = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(_folder.File("catalog.db")), Ct);
        await _catalog.CreateNamespaceAsync("lab", cancellationToken: Ct);
        _tables = new IcebergTables(_catalog, new IcebergTablesOptions { Warehouse = _folder.File("lake") });
        var schema = new IcebergSchema(0,
        [
            new IcebergField(1, "n", false, IcebergPrimitiveType.Int),
            new IcebergField(2, "day", false, IcebergPrimitiveType.Date),
            new IcebergField(3, "name", false, IcebergPrimitiveType.String),
        ]);
        await _tables.CreateTableAsync(Table, schema, IcebergPartitionSpec.Unpartitioned, cancellationToken: Ct);
        // Three files: n in [1, 10], [11, 20], [-20, -11]; days in March 2026, 1-10, 11-20 and 21-30; names a-c, d-f, x-z.
        await _tables.AppendAsync(Table, [File("low", 1, 10, "2026-03-01", "a", "c"), File("high", 11, 20, "2026-03-11", "d", "f"), File("negative", -20, -11, "2026-03-21", "x", "z")], Ct);
    }

    [Theory]
    [InlineData("n", IcebergComparison.GreaterThan, 10, "high")]
    [InlineData("n", IcebergComparison.GreaterThanOrEqual, 10, "high,low")]
    [InlineData("n", IcebergComparison.LessThan, 1, "negative")]
    [InlineData("n", IcebergComparison.LessThanOrEqual, -11, "negative")]
    [InlineData("n", IcebergComparison.Equal, 15, "high")]
    [InlineData("n", IcebergComparison.Equal, 0, "")]
    public async Task Plan_IntBounds_PruneAsTheComparisonSays(string column, IcebergComparison op, int value, string expected) =>
        Assert.Equal(expected, await KeptAsync(new IcebergPredicate(column, op, value)));

    [Fact]
    public async Task Plan_AfterWideningIntToLong_TheOldFourByteBoundsStillPrune()
    {
        await _tables.WidenColumnAsync(Table, "n", IcebergPrimitiveType.Long, Ct);

        Assert.Equal("high", await KeptAsync(new IcebergPredicate("n", IcebergComparison.GreaterThan, 10L)));
        Assert.Equal("negative", await KeptAsync(new IcebergPredicate("n", IcebergComparison.LessThan, -15L)));
        Assert.Equal("", await KeptAsync(new IcebergPredicate("n", IcebergComparison.GreaterThan, 3_000_000_000L)));
    }

    [Fact]
    public async Task Plan_DateAndStringBounds_Prune()
    {
        Assert.Equal("high", await KeptAsync(new IcebergPredicate("day", IcebergComparison.Equal, new DateOnly(2026, 3, 12))));
        Assert.Equal("high,negative", await KeptAsync(new IcebergPredicate("day", IcebergComparison.GreaterThan, new DateOnly(2026, 3, 10))));
        Assert.Equal("negative", await KeptAsync(new IcebergPredicate("name", IcebergComparison.GreaterThanOrEqual, "g")));
    }

    private async Task<string> KeptAsync(IcebergPredicate predicate)
    {
        var reader = await _tables.LoadAsync(Table, Ct);
        var plan = reader.Plan(new IcebergScanOptions { Filter = [predicate] });
        Assert.Equal(3, plan.DataFiles.Count + plan.FilesPruned);
        return string.Join(",", plan.DataFiles.Select(t => Path.GetFileNameWithoutExtension(t.File.FilePath)).Order(StringComparer.Ordinal));
    }

    private string File(string name, int from, int to, string firstDay, string firstName, string lastName)
    {
        var path = _folder.File($"staging/{name}.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DuckDb.Query($"COPY (SELECT x::INTEGER AS n, DATE '{firstDay}' + (x - {from})::INTEGER AS day, " +
            $"CASE WHEN x = {from} THEN '{firstName}' WHEN x = {to} THEN '{lastName}' ELSE '{firstName}{firstName}' END AS name " +
            $"FROM range({from}, {to + 1}) t(x)) TO {DuckDb.Literal(path)} (FORMAT PARQUET, FIELD_IDS {{n: 1, day: 2, name: 3}})");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _catalog.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
