using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>hyperparam-iceberg/spark/bunnies, written by Spark: the rows and values the fixture README states.</summary>
public sealed class IcebergSparkBunniesTests
{
    private const string Table = "spark/bunnies";
    private static readonly string[] Columns =
        ["Breed Name", "Average Weight", "Fur Length", "Lifespan", "Origin Country", "Ear Type", "Temperament", "Popularity Rank"];

    [Fact]
    public void Scan_V1_Has21RowsFirstHollandLop()
    {
        var result = IcebergFixtureTables.Open(Table, "v1.metadata.json").Scan();

        Assert.Equal(Columns, result.Columns.Select(c => c.Name));
        Assert.Equal(21, result.Rows.Count);
        Assert.Equal("Holland Lop, 1.8, 3, 7, The Netherlands, Lop, Friendly, 1", IcebergFixtureTables.Render(result.Rows[0]));
        Assert.IsType<double>(result.Rows[0][1]);
        Assert.IsType<long>(result.Rows[0][3]);
    }

    [Fact]
    public void Scan_V3AfterPositionDelete_Has20RowsFirstNetherlandDwarf()
    {
        var result = IcebergFixtureTables.Open(Table, "v3.metadata.json").Scan();

        Assert.Equal(20, result.Rows.Count);
        Assert.Equal(1, result.RowsDeleted);
        Assert.Contains(result.Plan.DeleteFiles, d => d.File.Content == IcebergFileContent.PositionDeletes);
        Assert.Equal("Netherland Dwarf, 0.9, 2.5, 10, Netherlands, Erect, Shy, 2", IcebergFixtureTables.Render(result.Rows[0]));
        Assert.DoesNotContain(result.Rows, r => (string?)r[0] == "Holland Lop");
    }

    [Fact]
    public void Scan_V5WithAddedColumn_Has20RowsAndBreedNameLength()
    {
        var result = IcebergFixtureTables.Open(Table, "v5.metadata.json").Scan();

        Assert.Equal([.. Columns, "breed_name_length"], result.Columns.Select(c => c.Name));
        Assert.Equal(20, result.Rows.Count);
        Assert.Equal("Netherland Dwarf, 0.9, 2.5, 10, Netherlands, Erect, Shy, 2, 16", IcebergFixtureTables.Render(result.Rows[0]));
        Assert.All(result.Rows, r => Assert.Equal(((string)r[0]!).Length, r[8]));
    }

    [Fact]
    public void Scan_V5TimeTravelToFirstSnapshot_Has21Rows()
    {
        var reader = IcebergFixtureTables.Open(Table, "v5.metadata.json");

        var result = reader.Scan(new IcebergScanOptions { SnapshotId = 7505300640432048841 });

        Assert.Equal(7505300640432048841, result.Plan.Snapshot!.SnapshotId);
        Assert.Equal(21, result.Rows.Count);
        Assert.Equal("Holland Lop, 1.8, 3, 7, The Netherlands, Lop, Friendly, 1", IcebergFixtureTables.Render(result.Rows[0]));
    }

    [Fact]
    public void Scan_V5TimeTravelByTimestampOfFirstSnapshot_Has21Rows()
    {
        var reader = IcebergFixtureTables.Open(Table, "v5.metadata.json");
        var first = reader.Metadata.Snapshot(7505300640432048841);

        var atFirst = reader.Scan(new IcebergScanOptions { AsOfTimestampMs = first.TimestampMs });
        var current = reader.Scan(new IcebergScanOptions { AsOfTimestampMs = long.MaxValue });

        Assert.Equal(21, atFirst.Rows.Count);
        Assert.Equal(20, current.Rows.Count);
        var error = Assert.Throws<IcebergException>(() => reader.Scan(new IcebergScanOptions { AsOfTimestampMs = first.TimestampMs - 1 }));
        Assert.Equal(IcebergErrorKind.SnapshotNotFound, error.Kind);
    }

    [Fact]
    public void Scan_UnknownSnapshotId_IsSnapshotNotFoundNamingTheId()
    {
        var reader = IcebergFixtureTables.Open(Table, "v5.metadata.json");

        var error = Assert.Throws<IcebergException>(() => reader.Scan(new IcebergScanOptions { SnapshotId = 1234567890 }));

        Assert.Equal(IcebergErrorKind.SnapshotNotFound, error.Kind);
        Assert.Contains("1234567890", error.Message, StringComparison.Ordinal);
        Assert.Contains("7505300640432048841", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_V5MainRef_IsTheCurrentSnapshot()
    {
        var reader = IcebergFixtureTables.Open(Table, "v5.metadata.json");

        var result = reader.Scan(new IcebergScanOptions { Ref = "main" });

        Assert.Equal(reader.Metadata.CurrentSnapshotId, result.Plan.Snapshot!.SnapshotId);
        Assert.Equal(20, result.Rows.Count);
        Assert.Throws<IcebergException>(() => reader.Scan(new IcebergScanOptions { Ref = "no-such-tag" }));
    }
}
