using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>The SQL relation of a snapshot gives DuckDB exactly the rows the reader's own scan gives.</summary>
public sealed class IcebergDuckDbSqlTests
{
    public static TheoryData<string, string> FixtureVersions() => new()
    {
        { "spark/bunnies", "v1.metadata.json" },
        { "spark/bunnies", "v3.metadata.json" },
        { "spark/bunnies", "v5.metadata.json" },
        { "java/bunnies", "v2.metadata.json" },
        { "java/bunnies", "v3.metadata.json" },
        { "java/bunnies", "v4.metadata.json" },
        { "java/bunnies", "v5.metadata.json" },
        { "spark/rename_column", "v2.metadata.json" },
        { "spark/rename_column", "v3.metadata.json" },
        { "athena/example", "00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json" },
        { "athena/example", "00000-eedf51e6-8c09-463b-8850-844ee6ec1de0.metadata.json" },
    };

    [Theory]
    [MemberData(nameof(FixtureVersions))]
    public void Query_FixtureVersion_ReturnsTheScanRowsInDuckDb(string table, string metadataFile)
    {
        var reader = IcebergFixtureTables.Open(table, metadataFile);
        var scan = reader.Scan();

        var rows = DuckDb.Query(IcebergDuckDbSql.Query(reader));

        Assert.Equal(Sorted(scan.Rows, scan.Columns), Sorted(rows, scan.Columns));
    }

    [Fact]
    public void Query_JavaV5_AppliesTheEqualityDeleteAndKeepsTheUpdate()
    {
        var reader = IcebergFixtureTables.Open("java/bunnies", "v5.metadata.json");

        var rows = DuckDb.Query($"SELECT \"Popularity Rank\", __happy__ FROM ({IcebergDuckDbSql.Query(reader)}) WHERE \"Breed Name\" = 'New Zealand'");

        Assert.Equal([0L, true], Assert.Single(rows));
    }

    [Fact]
    public void Query_TimeTravelAndProjection_SelectTheSnapshotAndColumns()
    {
        var reader = IcebergFixtureTables.Open("spark/bunnies", "v5.metadata.json");

        var sql = IcebergDuckDbSql.Query(reader, new IcebergScanOptions { SnapshotId = 7505300640432048841, Columns = ["Breed Name"] });

        Assert.Equal(21L, DuckDb.Scalar<long>($"SELECT count(*) FROM ({sql})"));
        Assert.Equal("Holland Lop", DuckDb.Query(sql)[0][0]);
        Assert.Throws<ArgumentException>(() => IcebergDuckDbSql.Query(reader, new IcebergScanOptions { Filter = [IcebergPredicate.Equal("Lifespan", 7L)] }));
    }

    private static List<string> Sorted(IEnumerable<object?[]> rows, IReadOnlyList<IcebergField> columns) =>
        rows.Select(r => IcebergFixtureTables.Render(r.Select((v, i) =>
                v is null ? null : IcebergValues.Normalize((IcebergPrimitiveType)columns[i].Type, v)).ToArray()))
            .Order(StringComparer.Ordinal)
            .ToList();
}
