using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>hyperparam-iceberg/java/bunnies, written by the Java Iceberg library: the rows and values the fixture README states.</summary>
public sealed class IcebergJavaBunniesTests
{
    private const string Table = "java/bunnies";

    [Fact]
    public void Scan_V2_Has21RowsFirstHollandLop()
    {
        var result = IcebergFixtureTables.Open(Table, "v2.metadata.json").Scan();

        Assert.Equal(21, result.Rows.Count);
        Assert.Equal(8, result.Columns.Count);
        Assert.Equal("Holland Lop, 1.8, 3, 7, The Netherlands, Lop, Friendly, 1", IcebergFixtureTables.Render(result.Rows[0]));
    }

    [Fact]
    public void Scan_V3AddedBooleanColumn_IsNullForExistingRows()
    {
        var result = IcebergFixtureTables.Open(Table, "v3.metadata.json").Scan();

        Assert.Equal(21, result.Rows.Count);
        Assert.Equal("__happy__", result.Columns[8].Name);
        Assert.Equal(IcebergTypeId.Boolean, result.Columns[8].Type.Id);
        Assert.Equal("Flemish Giant, 4.5, 4, 5, Belgium, Lop, Calm, 3, null", IcebergFixtureTables.Render(result.Rows[2]));
        Assert.All(result.Rows, r => Assert.Null(r[8]));
    }

    [Fact]
    public void Scan_V4PositionDeletes_Has15Rows()
    {
        var result = IcebergFixtureTables.Open(Table, "v4.metadata.json").Scan();

        Assert.Equal(15, result.Rows.Count);
        Assert.Equal(6, result.RowsDeleted);
        Assert.Equal("American Fuzzy Lop, 1.4, 5, 8, USA, Lop, Sociable, 8, null", IcebergFixtureTables.Render(result.Rows[2]));
        var newZealand = Assert.Single(result.Rows, r => (string?)r[0] == "New Zealand");
        Assert.Equal("New Zealand, 4, 2.7, 8, New Zealand, Erect, Affectionate, 21, null", IcebergFixtureTables.Render(newZealand));
    }

    [Fact]
    public void Scan_V5EqualityDeleteUpdate_HasExactlyOneNewZealandRow()
    {
        var result = IcebergFixtureTables.Open(Table, "v5.metadata.json").Scan();

        Assert.Equal(15, result.Rows.Count);
        Assert.Contains(result.Plan.DeleteFiles, d => d.File.Content == IcebergFileContent.EqualityDeletes);
        var newZealand = Assert.Single(result.Rows, r => (string?)r[0] == "New Zealand");
        Assert.Equal("New Zealand, 4, 2.7, 8, New Zealand, Erect, Affectionate, 0, true", IcebergFixtureTables.Render(newZealand));
    }

    [Fact]
    public void Scan_V5ThroughAStreamFunction_CopiesFilesAndAppliesBothDeleteKinds()
    {
        var local = IcebergFixtureTables.Io();
        var opened = new List<string>();
        var io = new DelegateIcebergFileIO(location =>
        {
            opened.Add(location);
            return local.OpenRead(location);
        });

        var result = IcebergTableReader.Open(io, $"s3a://{IcebergFixtureTables.Bucket}/{Table}/metadata/v5.metadata.json").Scan();

        Assert.Equal(15, result.Rows.Count);
        Assert.Single(result.Rows, r => (string?)r[0] == "New Zealand");
        Assert.Contains(opened, l => l.EndsWith("bunnies-eq-delete-new-zealand.parquet", StringComparison.Ordinal));
        Assert.Contains(opened, l => l.EndsWith("bunnies-initial.parquet", StringComparison.Ordinal));
        var missing = Assert.Throws<IcebergException>(() => IcebergTableReader.Open(
            new DelegateIcebergFileIO(_ => throw new FileNotFoundException("gone")), "s3://b/t/metadata/v9.metadata.json"));
        Assert.Equal("s3://b/t/metadata/v9.metadata.json", missing.File);
        Assert.Equal(IcebergErrorKind.FileNotFound, missing.Kind);
    }

    [Fact]
    public void Scan_V5TimeTravelToEachSnapshot_MatchesEachVersion()
    {
        var reader = IcebergFixtureTables.Open(Table, "v5.metadata.json");

        var counts = reader.Metadata.Snapshots.Select(s => reader.Scan(new IcebergScanOptions { SnapshotId = s.SnapshotId }).Rows.Count).ToList();

        Assert.Equal([21, 15, 15], counts);
    }

    [Fact]
    public void Scan_V5FilterOnBreedName_ReturnsTheUpdatedRowOnly()
    {
        var reader = IcebergFixtureTables.Open(Table, "v5.metadata.json");

        var result = reader.Scan(new IcebergScanOptions
        {
            Filter = [IcebergPredicate.Equal("Breed Name", "New Zealand")],
            Columns = ["Popularity Rank", "__happy__"],
        });

        var row = Assert.Single(result.Rows);
        Assert.Equal([0L, true], row);
    }
}
