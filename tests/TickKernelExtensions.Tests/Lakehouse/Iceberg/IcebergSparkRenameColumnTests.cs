using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>
/// hyperparam-iceberg/spark/rename_column (Spark; bucket[4](id) and identity(date) partitions; decimal, date,
/// non-ASCII strings; a rename by field id in v3).
/// </summary>
public sealed class IcebergSparkRenameColumnTests
{
    private const string Table = "spark/rename_column";
    private static readonly string[] Expected =
    [
        "3, Cottontail, null, 0, true",
        "4, Thumper, 2022-01-02, 99999999.99, false",
        "1, Flopsy 🐇, 2022-01-01, 9.99, true",
        "2, Mopsy–Naïve, 2022-01-01, -5, false",
    ];

    [Fact]
    public void Scan_V2_ReadsTheFourRowsInManifestOrder()
    {
        var result = IcebergFixtureTables.Open(Table, "v2.metadata.json").Scan();

        Assert.Equal(["id", "name", "date", "price", "active"], result.Columns.Select(c => c.Name));
        Assert.Equal(Expected, result.Rows.Select(IcebergFixtureTables.Render));
        Assert.Equal(99999999.99m, result.Rows[1][3]);
        Assert.Equal(-5m, result.Rows[3][3]);
        Assert.Equal(new DateOnly(2022, 1, 2), result.Rows[1][2]);
        Assert.Null(result.Rows[0][2]);
        Assert.Equal("Flopsy \U0001F407", result.Rows[2][1]);
        Assert.Equal("Mopsy\u2013Na\u00efve", result.Rows[3][1]);
    }

    [Fact]
    public void Scan_V3AfterRename_SameRowsUnderEventDate()
    {
        var result = IcebergFixtureTables.Open(Table, "v3.metadata.json").Scan();

        Assert.Equal(["id", "name", "event_date", "price", "active"], result.Columns.Select(c => c.Name));
        Assert.Equal(Expected, result.Rows.Select(IcebergFixtureTables.Render));
        Assert.Equal(IcebergPrimitiveType.Decimal(10, 2), result.Columns[3].Type);
    }

    [Fact]
    public void Manifest_PartitionValues_AreTheBucketOfIdAndTheDate()
    {
        var plan = IcebergFixtureTables.Open(Table, "v3.metadata.json").Plan();
        var result = IcebergFixtureTables.Open(Table, "v3.metadata.json").Scan();

        // Every file's bucket[4] value is Iceberg's Murmur3 bucket of the ids it holds: an independent check of the hash.
        foreach (var task in plan.DataFiles)
        {
            var bucket = (int)task.File.Partition[1000]!;
            Assert.Contains($"id_bucket={bucket}/", task.File.FilePath, StringComparison.Ordinal);
        }
        Assert.Equal(3, plan.DataFiles.Count);
        foreach (var row in result.Rows)
        {
            var id = (int)row[0]!;
            var file = plan.DataFiles.Single(t => t.File.FilePath.Contains($"id_bucket={IcebergBucketHash.Bucket(IcebergPrimitiveType.Int, id, 4)}/", StringComparison.Ordinal));
            Assert.Equal(row[2], file.File.Partition[1001]);
        }
    }

    [Fact]
    public void Scan_FilterById_PrunesByBucketAndReturnsOneRow()
    {
        var reader = IcebergFixtureTables.Open(Table, "v3.metadata.json");

        var result = reader.Scan(new IcebergScanOptions { Filter = [IcebergPredicate.Equal("id", 4)] });

        Assert.Equal(["4, Thumper, 2022-01-02, 99999999.99, false"], result.Rows.Select(IcebergFixtureTables.Render));
        Assert.Single(result.Plan.DataFiles);
        Assert.Equal(2, result.Plan.FilesPruned);
    }

    [Fact]
    public void Scan_FilterOnRenamedDateColumn_PrunesByIdentityPartition()
    {
        var reader = IcebergFixtureTables.Open(Table, "v3.metadata.json");

        var result = reader.Scan(new IcebergScanOptions { Filter = [IcebergPredicate.GreaterThanOrEqual("event_date", new DateOnly(2022, 1, 2))] });

        Assert.Equal(["4, Thumper, 2022-01-02, 99999999.99, false"], result.Rows.Select(IcebergFixtureTables.Render));
        Assert.Equal(2, result.Plan.FilesPruned);
    }

    [Fact]
    public void Scan_FilterOnDecimalPrice_KeepsMatchingRows()
    {
        var reader = IcebergFixtureTables.Open(Table, "v3.metadata.json");

        var result = reader.Scan(new IcebergScanOptions { Filter = [IcebergPredicate.LessThan("price", 1m)], Columns = ["name"] });

        Assert.Equal(["Cottontail", "Mopsy\u2013Na\u00efve"], result.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void ToDataFrame_TypesTheColumns()
    {
        var frame = IcebergFixtureTables.Open(Table, "v3.metadata.json").Scan().ToDataFrame();

        Assert.Equal(4, frame.Rows.Count);
        Assert.Equal(typeof(decimal), frame.Columns["price"].DataType);
        Assert.Equal(99999999.99m, frame.Columns["price"][1]);
        Assert.Equal(typeof(DateTime), frame.Columns["event_date"].DataType);
        Assert.Null(frame.Columns["event_date"][0]);
    }
}
