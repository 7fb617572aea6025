using System.Text.Json.Nodes;
using Avro.File;
using Avro.Generic;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>Manifest and manifest-list writing: what we write reads back, with the spec's Avro schemas, field ids and key-value metadata.</summary>
public sealed class IcebergManifestCodecTests
{
    private static readonly int[] DataFileIds = [134, 100, 101, 102, 103, 104, 108, 109, 110, 137, 125, 128, 131, 132, 135, 140];
    private static readonly int[] ManifestListIds = [500, 501, 502, 517, 515, 516, 503, 504, 505, 506, 512, 513, 514, 507, 519];

    [Fact]
    public void Write_FixtureManifestRewritten_ReadsBackEveryField()
    {
        var table = IcebergFixtureTables.Open("spark/rename_column", "v3.metadata.json");
        var list = ReadList(table.Io, table.Metadata.CurrentSnapshot!.ManifestList);
        var spec = table.Metadata.Spec(list[0].PartitionSpecId);
        var schema = table.Metadata.Schema(0);
        IcebergManifest original;
        using (var s = table.Io.OpenRead(list[0].ManifestPath))
        {
            original = IcebergManifestCodec.Read(s, list[0].ManifestPath, spec, schema);
        }

        var bytes = IcebergManifestCodec.Write(schema, spec, IcebergFileContent.Data, original.Entries);
        var back = IcebergManifestCodec.Read(new MemoryStream(bytes), "written", spec, schema);

        Assert.Equal(3, back.Entries.Count);
        for (var i = 0; i < original.Entries.Count; i++)
        {
            var (a, b) = (original.Entries[i], back.Entries[i]);
            Assert.Equal((a.Status, a.SnapshotId, a.SequenceNumber, a.FileSequenceNumber), (b.Status, b.SnapshotId, b.SequenceNumber, b.FileSequenceNumber));
            Assert.Equal(a.DataFile.FilePath, b.DataFile.FilePath);
            Assert.Equal(a.DataFile.Partition, b.DataFile.Partition);
            Assert.Equal((a.DataFile.RecordCount, a.DataFile.FileSizeInBytes, a.DataFile.SortOrderId), (b.DataFile.RecordCount, b.DataFile.FileSizeInBytes, b.DataFile.SortOrderId));
            Assert.Equal(a.DataFile.ColumnSizes, b.DataFile.ColumnSizes);
            Assert.Equal(a.DataFile.ValueCounts, b.DataFile.ValueCounts);
            Assert.Equal(a.DataFile.NullValueCounts, b.DataFile.NullValueCounts);
            Assert.Equal(a.DataFile.LowerBounds, b.DataFile.LowerBounds);
            Assert.Equal(a.DataFile.UpperBounds, b.DataFile.UpperBounds);
            Assert.Equal(a.DataFile.SplitOffsets, b.DataFile.SplitOffsets);
        }
        Assert.Null(back.Entries[0].DataFile.Partition[1001]); // the date=null file
        Assert.Equal(new DateOnly(2022, 1, 2), back.Entries[1].DataFile.Partition[1001]);
    }

    [Fact]
    public void Write_Manifest_HeaderCarriesTheSpecSchemaAndRequiredMetadata()
    {
        var schema = IcebergTableMetadataJsonTests.TickSchema;
        var spec = IcebergTableMetadataJsonTests.TickSpec;
        var entry = TickEntry();

        var bytes = IcebergManifestCodec.Write(schema, spec, IcebergFileContent.Data, [entry]);

        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(bytes));
        Assert.Equal("deflate", reader.GetMetaString("avro.codec"));
        Assert.Equal(schema.ToJson().ToJsonString(), reader.GetMetaString("schema"));
        Assert.Equal("0", reader.GetMetaString("schema-id"));
        Assert.Equal(spec.FieldsJson().ToJsonString(), reader.GetMetaString("partition-spec"));
        Assert.Equal("0", reader.GetMetaString("partition-spec-id"));
        Assert.Equal("2", reader.GetMetaString("format-version"));
        Assert.Equal("data", reader.GetMetaString("content"));
        var avro = JsonNode.Parse(reader.GetMetaString("avro.schema"))!;
        Assert.Equal([0, 1, 3, 4, 2], FieldIds(avro));
        var dataFile = avro["fields"]![4]!["type"]!;
        Assert.Equal(DataFileIds, FieldIds(dataFile).Take(DataFileIds.Length));
        var partition = dataFile["fields"]![3]!["type"]!;
        Assert.Equal([1000, 1001], FieldIds(partition));
        Assert.Equal("date", (string)partition["fields"]![1]!["type"]![1]!["logicalType"]!);
        var lowerBounds = dataFile["fields"]![10]!["type"]![1]!;
        Assert.Equal("map", (string)lowerBounds["logicalType"]!);
        Assert.Equal("k126_v127", (string)lowerBounds["items"]!["name"]!);
        Assert.Equal([126, 127], FieldIds(lowerBounds["items"]!));
        Assert.Equal(133, (int)dataFile["fields"]![13]!["type"]![1]!["element-id"]!);
    }

    [Fact]
    public void Write_TickManifest_ReadsBackValuesAndBounds()
    {
        var schema = IcebergTableMetadataJsonTests.TickSchema;
        var spec = IcebergTableMetadataJsonTests.TickSpec;

        var bytes = IcebergManifestCodec.Write(schema, spec, IcebergFileContent.Data, [TickEntry()]);
        var back = Assert.Single(IcebergManifestCodec.Read(new MemoryStream(bytes), "m.avro", spec, schema).Entries);

        Assert.Equal(IcebergEntryStatus.Added, back.Status);
        Assert.Null(back.SequenceNumber);
        Assert.Equal("EURUSD", back.DataFile.Partition[1000]);
        Assert.Equal(new DateOnly(2024, 1, 15), back.DataFile.Partition[1001]);
        Assert.Equal(new DateTime(2024, 1, 15, 14, 30, 0, DateTimeKind.Utc).AddTicks(1234560),
            IcebergSingleValue.FromBytes(IcebergPrimitiveType.TimestampTz, back.DataFile.LowerBounds![2]));
        Assert.Equal(1.0875, IcebergSingleValue.FromBytes(IcebergPrimitiveType.Double, back.DataFile.UpperBounds![3]));
        Assert.Equal([4L], back.DataFile.SplitOffsets);
        Assert.Equal(0, back.DataFile.SortOrderId);
    }

    [Fact]
    public void Write_FixtureManifestList_ReadsBackEveryFieldWithSpecFieldIds()
    {
        var table = IcebergFixtureTables.Open("java/bunnies", "v5.metadata.json");
        var snapshot = table.Metadata.CurrentSnapshot!;
        var original = ReadList(table.Io, snapshot.ManifestList);

        var bytes = IcebergManifestListCodec.Write(snapshot.SnapshotId, snapshot.ParentSnapshotId, snapshot.SequenceNumber, original);
        var back = IcebergManifestListCodec.Read(new MemoryStream(bytes), "written");

        Assert.Equal(original.Count, back.Count);
        Assert.Contains(back, m => m.Content == IcebergFileContent.PositionDeletes);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.Equal(original[i] with { Partitions = null, KeyMetadata = null }, back[i] with { Partitions = null, KeyMetadata = null });
            Assert.Equal(original[i].Partitions?.Count, back[i].Partitions?.Count);
        }
        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(bytes));
        Assert.Equal("deflate", reader.GetMetaString("avro.codec"));
        Assert.Equal(snapshot.SnapshotId.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetMetaString("snapshot-id"));
        Assert.Equal("6458828015811002920", reader.GetMetaString("parent-snapshot-id"));
        Assert.Equal("3", reader.GetMetaString("sequence-number"));
        Assert.Equal("2", reader.GetMetaString("format-version"));
        var avro = JsonNode.Parse(reader.GetMetaString("avro.schema"))!;
        Assert.Equal(ManifestListIds, FieldIds(avro));
        Assert.Equal("added_files_count", (string)avro["fields"]![7]!["name"]!);
        Assert.Equal(508, (int)avro["fields"]![13]!["type"]![1]!["element-id"]!);
    }

    [Fact]
    public void Write_ManifestListWithPartitionSummaries_RoundTripsBounds()
    {
        var summary = new IcebergFieldSummary(false, null,
            IcebergSingleValue.ToBytes(IcebergPrimitiveType.Date, new DateOnly(2024, 1, 15)),
            IcebergSingleValue.ToBytes(IcebergPrimitiveType.Date, new DateOnly(2024, 1, 16)));
        var manifest = new IcebergManifestFile
        {
            ManifestPath = "file:/t/metadata/a-m0.avro",
            ManifestLength = 4242,
            SequenceNumber = 1,
            MinSequenceNumber = 1,
            AddedSnapshotId = 99,
            AddedFilesCount = 2,
            AddedRowsCount = 10,
            Partitions = [new IcebergFieldSummary(true, false, [0x41], [0x42]), summary],
        };

        var back = Assert.Single(IcebergManifestListCodec.Read(new MemoryStream(IcebergManifestListCodec.Write(99, null, 1, [manifest])), "l.avro"));

        Assert.Equal(manifest with { Partitions = null }, back with { Partitions = null });
        Assert.True(back.Partitions![0].ContainsNull);
        Assert.False(back.Partitions[0].ContainsNan);
        Assert.Equal([0x41], back.Partitions[0].LowerBound);
        Assert.Equal(summary.UpperBound, back.Partitions[1].UpperBound);
        Assert.Null(back.Partitions[1].ContainsNan);
    }

    [Fact]
    public void Write_Manifest_ReadsInApacheAvroReferenceImplementation()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m0.avro");
        File.WriteAllBytes(path, IcebergManifestCodec.Write(
            IcebergTableMetadataJsonTests.TickSchema, IcebergTableMetadataJsonTests.TickSpec, IcebergFileContent.Data, [TickEntry()]));

        var decoded = PythonAvro.Read(path);

        Assert.Equal("deflate", (string)decoded["meta"]!["avro.codec"]!);
        Assert.Equal("data", (string)decoded["meta"]!["content"]!);
        var record = decoded["records"]!.AsArray().Single()!;
        Assert.Equal(1, (int)record["status"]!);
        Assert.Equal(77, (long)record["snapshot_id"]!);
        Assert.Null(record["sequence_number"]);
        var dataFile = record["data_file"]!;
        Assert.Equal(0, (int)dataFile["content"]!);
        Assert.Equal("PARQUET", (string)dataFile["file_format"]!);
        Assert.Equal("EURUSD", (string)dataFile["partition"]!["symbol"]!);
        Assert.Equal("2024-01-15", (string)dataFile["partition"]!["ts_day"]!);
        Assert.Equal(3, (long)dataFile["record_count"]!);
        Assert.Equal(1234, (long)dataFile["file_size_in_bytes"]!);
        Assert.Equal("[{\"key\":1,\"value\":10},{\"key\":2,\"value\":20}]", dataFile["column_sizes"]!.ToJsonString());
        Assert.Equal("400c47d9fc0e0600", (string)dataFile["lower_bounds"]![0]!["value"]!);
        Assert.Equal(2, (int)dataFile["lower_bounds"]![0]!["key"]!);
        Assert.Equal("[4]", dataFile["split_offsets"]!.ToJsonString());
    }

    [Fact]
    public void Write_ManifestList_ReadsInApacheAvroReferenceImplementation()
    {
        using var dir = new TempDirectory();
        var path = dir.File("snap.avro");
        var manifest = new IcebergManifestFile
        {
            ManifestPath = "s3://lake/wh/t/metadata/a-m0.avro",
            ManifestLength = 4242,
            Content = IcebergFileContent.PositionDeletes,
            SequenceNumber = 7,
            MinSequenceNumber = 3,
            AddedSnapshotId = 99,
            AddedFilesCount = 2,
            AddedRowsCount = 10,
            Partitions = [new IcebergFieldSummary(false, null, [0x19, 0x4d, 0, 0], [0x1a, 0x4d, 0, 0])],
        };
        File.WriteAllBytes(path, IcebergManifestListCodec.Write(99, 98, 7, [manifest]));

        var decoded = PythonAvro.Read(path);

        Assert.Equal("98", (string)decoded["meta"]!["parent-snapshot-id"]!);
        var row = decoded["records"]!.AsArray().Single()!;
        Assert.Equal("s3://lake/wh/t/metadata/a-m0.avro", (string)row["manifest_path"]!);
        Assert.Equal(4242, (long)row["manifest_length"]!);
        Assert.Equal(1, (int)row["content"]!);
        Assert.Equal(7, (long)row["sequence_number"]!);
        Assert.Equal(3, (long)row["min_sequence_number"]!);
        Assert.Equal(2, (int)row["added_files_count"]!);
        Assert.Equal("194d0000", (string)row["partitions"]![0]!["lower_bound"]!);
        Assert.False((bool)row["partitions"]![0]!["contains_null"]!);
        Assert.Null(row["key_metadata"]);
    }

    [Fact]
    public void Read_DecimalAndUuidPartitionsAsAvroFixed_ConvertToDecimalAndGuid()
    {
        // A manifest as Java writes decimal and uuid partition values: Avro fixed (decimal with its logical type).
        var schema = new IcebergSchema(0, [new IcebergField(1, "price", false, IcebergPrimitiveType.Decimal(10, 2)), new IcebergField(2, "id", false, IcebergPrimitiveType.Uuid)]);
        var spec = new IcebergPartitionSpec(0, [new IcebergPartitionField("price", IcebergTransform.Identity, 1, 1000), new IcebergPartitionField("id", IcebergTransform.Identity, 2, 1001)]);
        var avro = (Avro.RecordSchema)Avro.Schema.Parse("""
            {"type":"record","name":"manifest_entry","fields":[
             {"name":"status","type":"int","field-id":0},
             {"name":"data_file","field-id":2,"type":{"type":"record","name":"r2","fields":[
              {"name":"content","type":"int","field-id":134},
              {"name":"file_path","type":"string","field-id":100},
              {"name":"file_format","type":"string","field-id":101},
              {"name":"partition","field-id":102,"type":{"type":"record","name":"r102","fields":[
               {"name":"price","field-id":1000,"type":["null",{"type":"fixed","name":"decimal_10_2","size":5,"logicalType":"decimal","precision":10,"scale":2}],"default":null},
               {"name":"id","field-id":1001,"type":["null",{"type":"fixed","name":"uuid_fixed","size":16}],"default":null}]}},
              {"name":"record_count","type":"long","field-id":103},
              {"name":"file_size_in_bytes","type":"long","field-id":104}]}}]}
            """);
        var dataFileSchema = IcebergAvro.RecordOf(avro.Fields[1].Schema);
        var partitionSchema = IcebergAvro.RecordOf(dataFileSchema.Fields[3].Schema);
        var uuid = Guid.Parse("f79c3e09-677c-4bbd-a479-3f349cb785e7");
        var partition = new GenericRecord(partitionSchema);
        partition.Add("price", new Avro.AvroDecimal(99999999.99m));
        partition.Add("id", new GenericFixed((Avro.FixedSchema)IcebergAvro.NonNull(partitionSchema.Fields[1].Schema), uuid.ToByteArray(bigEndian: true)));
        var dataFile = new GenericRecord(dataFileSchema);
        dataFile.Add("content", 0);
        dataFile.Add("file_path", "s3://b/t/data/x.parquet");
        dataFile.Add("file_format", "PARQUET");
        dataFile.Add("partition", partition);
        dataFile.Add("record_count", 1L);
        dataFile.Add("file_size_in_bytes", 10L);
        var entry = new GenericRecord(avro);
        entry.Add("status", 0);
        entry.Add("data_file", dataFile);
        using var bytes = new MemoryStream();
        using (var writer = DataFileWriter<GenericRecord>.OpenWriter(new GenericDatumWriter<GenericRecord>(avro), bytes, leaveOpen: true))
        {
            writer.Append(entry);
        }
        bytes.Position = 0;

        var read = Assert.Single(IcebergManifestCodec.Read(bytes, "java-m0.avro", spec, schema).Entries);

        Assert.Equal(99999999.99m, read.DataFile.Partition[1000]);
        Assert.Equal(uuid, read.DataFile.Partition[1001]);
        Assert.Null(read.SnapshotId);
    }

    [Fact]
    public void Read_NotAnAvroFile_NamesTheFile()
    {
        var error = Assert.Throws<IcebergException>(() => IcebergManifestCodec.Read(new MemoryStream("not avro"u8.ToArray()), "s3://b/m.avro"));

        Assert.Equal(IcebergErrorKind.InvalidMetadata, error.Kind);
        Assert.StartsWith("s3://b/m.avro: ", error.Message, StringComparison.Ordinal);
    }

    private static IcebergManifestEntry TickEntry() => new(IcebergEntryStatus.Added, 77, null, null, new IcebergDataFile
    {
        FilePath = "s3://lake/wh/market/ticks/data/symbol=EURUSD/ts_day=2024-01-15/00000-0-a.parquet",
        Partition = new Dictionary<int, object?> { [1000] = "EURUSD", [1001] = new DateOnly(2024, 1, 15) },
        RecordCount = 3,
        FileSizeInBytes = 1234,
        ColumnSizes = new Dictionary<int, long> { [1] = 10, [2] = 20 },
        ValueCounts = new Dictionary<int, long> { [1] = 3, [2] = 3 },
        NullValueCounts = new Dictionary<int, long> { [1] = 0, [2] = 0 },
        NanValueCounts = new Dictionary<int, long> { [3] = 0 },
        LowerBounds = new Dictionary<int, byte[]>
        {
            [2] = IcebergSingleValue.ToBytes(IcebergPrimitiveType.TimestampTz, new DateTime(2024, 1, 15, 14, 30, 0, DateTimeKind.Utc).AddTicks(1234560)),
        },
        UpperBounds = new Dictionary<int, byte[]> { [3] = IcebergSingleValue.ToBytes(IcebergPrimitiveType.Double, 1.0875) },
        SplitOffsets = [4],
        SortOrderId = 0,
    });

    private static List<IcebergManifestFile> ReadList(IIcebergFileIO io, string location)
    {
        using var s = io.OpenRead(location);
        return IcebergManifestListCodec.Read(s, location);
    }

    private static List<int> FieldIds(JsonNode record) =>
        record["fields"]!.AsArray().Select(f => (int)f!["field-id"]!).ToList();
}
