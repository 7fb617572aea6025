using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>hyperparam-iceberg/athena/example, written by AWS Athena (s3:// locations, 00000-/00001- metadata names).</summary>
public sealed class IcebergAthenaExampleTests
{
    private const string Latest = "00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json";
    private const string First = "00000-eedf51e6-8c09-463b-8850-844ee6ec1de0.metadata.json";

    [Fact]
    public void Metadata_Latest_HasSequenceNumber1AndLogsThe00000File()
    {
        var metadata = IcebergFixtureTables.Open("athena/example", Latest).Metadata;

        Assert.Equal(2, metadata.FormatVersion);
        Assert.Equal(1, metadata.LastSequenceNumber);
        var log = Assert.Single(metadata.MetadataLog);
        Assert.Equal($"s3://{IcebergFixtureTables.Bucket}/athena/example/metadata/{First}", log.MetadataFile);
        Assert.Equal(1743474980940, log.TimestampMs);
    }

    [Fact]
    public void Scan_Latest_ReadsAliceAndBob()
    {
        var io = IcebergFixtureTables.Io();
        var reader = IcebergTableReader.Open(io, $"s3://{IcebergFixtureTables.Bucket}/athena/example/metadata/{Latest}");

        var result = reader.Scan();

        Assert.Equal(["id", "name"], result.Columns.Select(c => c.Name));
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal([1, "Alice"], result.Rows[0]);
        Assert.Equal([2, "Bob"], result.Rows[1]);
    }

    [Fact]
    public void Scan_FirstMetadataVersion_IsAnEmptyTable()
    {
        var reader = IcebergFixtureTables.Open("athena/example", First);

        var result = reader.Scan();

        Assert.Null(reader.Metadata.CurrentSnapshotId);
        Assert.Null(result.Plan.Snapshot);
        Assert.Empty(result.Rows);
        Assert.Equal(["id", "name"], result.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Open_GzippedMetadataCopy_ReadsTheSameTable()
    {
        using var dir = new TempDirectory();
        var source = Fixtures.Path("iceberg/hyperparam-iceberg/athena/example/metadata/" + Latest);
        var gz = dir.File("00001-copy.gz.metadata.json");
        using (var output = File.Create(gz))
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal))
        {
            zip.Write(File.ReadAllBytes(source));
        }
        var io = new LocalIcebergFileIO(new Dictionary<string, string>
        {
            ["s3://" + IcebergFixtureTables.Bucket + "/"] = Fixtures.Path("iceberg/hyperparam-iceberg"),
        });

        var result = IcebergTableReader.Open(io, gz).Scan();

        Assert.Equal([1, "Alice"], result.Rows[0]);
        Assert.Equal(2, result.Rows.Count);
    }

    [Fact]
    public void Open_LocationOutsideEveryMapping_NamesTheLocationAndTheKnownPrefixes()
    {
        var error = Assert.Throws<IcebergException>(() =>
            IcebergTableReader.Open(IcebergFixtureTables.Io(), "s3://other-bucket/t/metadata/v1.metadata.json"));

        Assert.Equal(IcebergErrorKind.FileNotFound, error.Kind);
        Assert.StartsWith("s3://other-bucket/t/metadata/v1.metadata.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("s3a://" + IcebergFixtureTables.Bucket + "/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingMetadataFile_IsFileNotFoundNamingTheLocation()
    {
        var missing = $"s3://{IcebergFixtureTables.Bucket}/athena/example/metadata/00002-missing.metadata.json";

        var error = Assert.Throws<IcebergException>(() => IcebergTableReader.Open(IcebergFixtureTables.Io(), missing));

        Assert.Equal(IcebergErrorKind.FileNotFound, error.Kind);
        Assert.Equal(missing, error.File);
        Assert.StartsWith(missing + ": File not found", error.Message, StringComparison.Ordinal);
    }
}
