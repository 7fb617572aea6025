using System.Text.Json.Nodes;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

public sealed class IcebergTableMetadataJsonTests
{
    private static readonly string[] RequiredV2 =
    [
        "format-version", "table-uuid", "location", "last-sequence-number", "last-updated-ms", "last-column-id",
        "schemas", "current-schema-id", "partition-specs", "default-spec-id", "last-partition-id",
        "sort-orders", "default-sort-order-id",
    ];

    public static TheoryData<string> FixtureMetadataFiles() => new()
    {
        "spark/bunnies/metadata/v1.metadata.json", "spark/bunnies/metadata/v2.metadata.json", "spark/bunnies/metadata/v3.metadata.json",
        "spark/bunnies/metadata/v4.metadata.json", "spark/bunnies/metadata/v5.metadata.json",
        "java/bunnies/metadata/v1.metadata.json", "java/bunnies/metadata/v2.metadata.json", "java/bunnies/metadata/v3.metadata.json",
        "java/bunnies/metadata/v4.metadata.json", "java/bunnies/metadata/v5.metadata.json",
        "spark/rename_column/metadata/v1.metadata.json", "spark/rename_column/metadata/v2.metadata.json", "spark/rename_column/metadata/v3.metadata.json",
        "athena/example/metadata/00000-eedf51e6-8c09-463b-8850-844ee6ec1de0.metadata.json",
        "athena/example/metadata/00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json",
    };

    [Theory]
    [MemberData(nameof(FixtureMetadataFiles))]
    public void Write_OfParsedFixture_ParsesBackToTheSameMetadata(string file)
    {
        var path = Fixtures.Path("iceberg/hyperparam-iceberg/" + file);
        var original = IcebergTableMetadataJson.Parse(File.ReadAllText(path), path);

        var json = IcebergTableMetadataJson.Write(original);
        var back = IcebergTableMetadataJson.Parse(json, "written");

        Assert.Equal(original.TableUuid, back.TableUuid);
        Assert.Equal(original.Location, back.Location);
        Assert.Equal(original.LastSequenceNumber, back.LastSequenceNumber);
        Assert.Equal(original.LastUpdatedMs, back.LastUpdatedMs);
        Assert.Equal(original.LastColumnId, back.LastColumnId);
        Assert.Equal(original.CurrentSchemaId, back.CurrentSchemaId);
        Assert.Equal(original.Schemas.Select(s => s.ToJson().ToJsonString()), back.Schemas.Select(s => s.ToJson().ToJsonString()));
        Assert.Equal(original.PartitionSpecs.Select(s => s.ToJson().ToJsonString()), back.PartitionSpecs.Select(s => s.ToJson().ToJsonString()));
        Assert.Equal(original.LastPartitionId, back.LastPartitionId);
        Assert.Equal(original.Properties, back.Properties);
        Assert.Equal(original.CurrentSnapshotId, back.CurrentSnapshotId);
        Assert.Equal(original.Snapshots.Count, back.Snapshots.Count);
        for (var i = 0; i < original.Snapshots.Count; i++)
        {
            var (a, b) = (original.Snapshots[i], back.Snapshots[i]);
            Assert.Equal((a.SnapshotId, a.ParentSnapshotId, a.SequenceNumber, a.TimestampMs, a.ManifestList, a.SchemaId),
                (b.SnapshotId, b.ParentSnapshotId, b.SequenceNumber, b.TimestampMs, b.ManifestList, b.SchemaId));
            Assert.Equal(a.Summary, b.Summary);
        }
        Assert.Equal(original.SnapshotLog, back.SnapshotLog);
        Assert.Equal(original.MetadataLog, back.MetadataLog);
        Assert.Equal(original.SortOrders.Select(s => s.ToJson().ToJsonString()), back.SortOrders.Select(s => s.ToJson().ToJsonString()));
        Assert.Equal(original.Refs, back.Refs);
    }

    [Fact]
    public void Write_V2_CarriesEveryRequiredFieldAndNoV1Fields()
    {
        var json = JsonNode.Parse(IcebergTableMetadataJson.Write(TickTable()))!.AsObject();

        foreach (var key in RequiredV2)
        {
            Assert.True(json.ContainsKey(key), $"missing required key {key}");
        }
        Assert.False(json.ContainsKey("schema"));
        Assert.False(json.ContainsKey("partition-spec"));
        Assert.Equal(2, (int)json["format-version"]!);
        Assert.Equal(-1, (long)json["current-snapshot-id"]!);
        Assert.Equal("timestamptz", (string)json["schemas"]![0]!["fields"]![1]!["type"]!);
        Assert.Equal("day", (string)json["partition-specs"]![0]!["fields"]![1]!["transform"]!);
        Assert.Equal(1001, (int)json["last-partition-id"]!);
        Assert.Equal("[{\"order-id\":0,\"fields\":[]}]", json["sort-orders"]!.ToJsonString());
    }

    [Fact]
    public void Write_SnapshotAndTag_RoundTripsRefsAndSnapshotFields()
    {
        var snapshot = new IcebergSnapshot(3051729675574597004, null, 1, 1705363199000,
            "s3://lake/wh/market/ticks/metadata/snap-3051729675574597004-1-8d6f0c2a.avro",
            new Dictionary<string, string> { ["operation"] = "append", ["added-records"] = "1000" }, 0);
        var metadata = TickTable() with
        {
            LastSequenceNumber = 1,
            CurrentSnapshotId = snapshot.SnapshotId,
            Snapshots = [snapshot],
            SnapshotLog = [new IcebergSnapshotLogEntry(snapshot.TimestampMs, snapshot.SnapshotId)],
            MetadataLog = [new IcebergMetadataLogEntry(1705363100000, "s3://lake/wh/market/ticks/metadata/00000-0b1c.metadata.json")],
            Refs = new Dictionary<string, IcebergSnapshotRef>
            {
                ["main"] = new(snapshot.SnapshotId, IcebergSnapshotRef.Branch),
                ["v1"] = new(snapshot.SnapshotId, IcebergSnapshotRef.Tag, MaxRefAgeMs: 86_400_000),
            },
        };

        var json = IcebergTableMetadataJson.Write(metadata);
        var back = IcebergTableMetadataJson.Parse(json, "m.json");
        var node = JsonNode.Parse(json)!;

        Assert.Equal(snapshot.SnapshotId, back.SnapshotOfRef("v1").SnapshotId);
        Assert.Equal(86_400_000, back.Refs["v1"].MaxRefAgeMs);
        Assert.Equal("tag", (string)node["refs"]!["v1"]!["type"]!);
        Assert.Null(node["snapshots"]![0]!["parent-snapshot-id"]);
        Assert.Equal(1, (long)node["snapshots"]![0]!["sequence-number"]!);
        Assert.Equal(0, (int)node["snapshots"]![0]!["schema-id"]!);
        Assert.Equal("append", (string)node["snapshots"]![0]!["summary"]!["operation"]!);
        Assert.Equal(metadata.MetadataLog, back.MetadataLog);
    }

    [Fact]
    public void Parse_V1Metadata_ReadsSchemaAndBarePartitionSpec()
    {
        const string json = """
            {"format-version":1,"location":"file:/t","last-updated-ms":1,"last-column-id":2,
             "schema":{"type":"struct","fields":[{"id":1,"name":"a","required":true,"type":"long"},{"id":2,"name":"d","required":false,"type":"date"}]},
             "partition-spec":[{"name":"d","transform":"identity","source-id":2}],
             "current-snapshot-id":-1}
            """;

        var m = IcebergTableMetadataJson.Parse(json, "v1.json");

        Assert.Equal(1, m.FormatVersion);
        Assert.Equal(0, m.CurrentSchema.SchemaId);
        Assert.Equal(IcebergPrimitiveType.Long, m.CurrentSchema.Fields[0].Type);
        Assert.Equal(1000, m.DefaultSpec.Fields[0].FieldId);
        Assert.Null(m.CurrentSnapshotId);
    }

    [Fact]
    public void Parse_MissingRequiredField_NamesFileAndField()
    {
        var json = IcebergTableMetadataJson.Write(TickTable()).Replace("\"last-column-id\"", "\"last-column-idx\"", StringComparison.Ordinal);

        var error = Assert.Throws<IcebergException>(() => IcebergTableMetadataJson.Parse(json, "s3://b/t/metadata/00001-x.metadata.json"));

        Assert.Equal(IcebergErrorKind.InvalidMetadata, error.Kind);
        Assert.StartsWith("s3://b/t/metadata/00001-x.metadata.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("metadata.last-column-id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownType_NamesTheColumn()
    {
        var json = IcebergTableMetadataJson.Write(TickTable()).Replace("\"float\"", "\"float16\"", StringComparison.Ordinal);

        var error = Assert.Throws<IcebergException>(() => IcebergTableMetadataJson.Parse(json, "m.json"));

        Assert.Equal(IcebergErrorKind.Unsupported, error.Kind);
        Assert.Contains("bid_volume", error.Message, StringComparison.Ordinal);
        Assert.Contains("'float16'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedTypes_RoundTrip()
    {
        var schema = new IcebergSchema(0,
        [
            new IcebergField(1, "tags", false, new IcebergListType(4, IcebergPrimitiveType.String, true)),
            new IcebergField(2, "attrs", false, new IcebergMapType(5, IcebergPrimitiveType.String, 6, IcebergPrimitiveType.Decimal(38, 10), false)),
            new IcebergField(3, "loc", true, new IcebergStructType([new IcebergField(7, "lat", true, IcebergPrimitiveType.Double), new IcebergField(8, "id", false, IcebergPrimitiveType.Fixed(16))])),
        ]);

        var back = IcebergSchema.Parse(JsonNode.Parse(schema.ToJson().ToJsonString()), "schema");

        Assert.Equal(schema.ToJson().ToJsonString(), back.ToJson().ToJsonString());
        Assert.Equal(8, back.HighestFieldId());
        Assert.Equal(IcebergPrimitiveType.Decimal(38, 10), ((IcebergMapType)back.Fields[1].Type).Value);
    }

    internal static IcebergTableMetadata TickTable() => new()
    {
        TableUuid = "5f3b8c1e-2a4d-4e6f-9b0a-1c2d3e4f5a6b",
        Location = "s3://lake/wh/market/ticks",
        LastUpdatedMs = 1705363100000,
        LastColumnId = 6,
        Schemas = [TickSchema],
        PartitionSpecs = [TickSpec],
        LastPartitionId = 1001,
        Properties = new Dictionary<string, string> { ["write.format.default"] = "parquet" },
    };

    internal static IcebergSchema TickSchema { get; } = new(0,
    [
        new IcebergField(1, "symbol", true, IcebergPrimitiveType.String),
        new IcebergField(2, "ts", true, IcebergPrimitiveType.TimestampTz),
        new IcebergField(3, "bid", false, IcebergPrimitiveType.Double),
        new IcebergField(4, "ask", false, IcebergPrimitiveType.Double),
        new IcebergField(5, "bid_volume", false, IcebergPrimitiveType.Float),
        new IcebergField(6, "ask_volume", false, IcebergPrimitiveType.Float),
    ]);

    internal static IcebergPartitionSpec TickSpec { get; } = new(0,
    [
        new IcebergPartitionField("symbol", IcebergTransform.Identity, 1, 1000),
        new IcebergPartitionField("ts_day", IcebergTransform.Day, 2, 1001),
    ]);
}
