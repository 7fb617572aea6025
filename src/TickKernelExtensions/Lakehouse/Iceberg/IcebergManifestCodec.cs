using System.Globalization;
using Avro;
using Avro.File;
using Avro.Generic;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Reads manifests (v1 and v2, fields matched by field id) and writes v2 manifests with the deflate codec and the
/// key-value metadata the spec requires (<c>schema</c>, <c>schema-id</c>, <c>partition-spec</c>,
/// <c>partition-spec-id</c>, <c>format-version</c>, <c>content</c>).
/// </summary>
public static class IcebergManifestCodec
{
    /// <summary>
    /// Reads a manifest. Partition values are converted with <paramref name="spec"/> and <paramref name="schema"/>
    /// to <see cref="IcebergValues"/> representation (raw Avro values when either is null).
    /// </summary>
    public static IcebergManifest Read(Stream input, string file, IcebergPartitionSpec? spec = null, IcebergSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var reader = DataFileReader<GenericRecord>.OpenReader(IcebergManifestListCodec.Seekable(input), leaveOpen: true);
            var metadata = reader.GetMetaKeys()
                .Where(k => !k.StartsWith("avro.", StringComparison.Ordinal))
                .ToDictionary(k => k, reader.GetMetaString, StringComparer.Ordinal);
            var resultTypes = spec is not null && schema is not null
                ? spec.Fields.ToDictionary(f => f.FieldId, f => f.ResultType(schema))
                : null;
            var entries = new List<IcebergManifestEntry>();
            while (reader.HasNext())
            {
                entries.Add(Entry(reader.Next(), file, resultTypes));
            }
            return new IcebergManifest(metadata, entries);
        }
        catch (AvroException e)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "The manifest is not a readable Avro file: " + e.Message, e) { File = file };
        }
    }

    private static IcebergManifestEntry Entry(GenericRecord r, string file, Dictionary<int, IcebergPrimitiveType>? resultTypes)
    {
        var ids = IcebergAvro.FieldsById(r.Schema);
        object? Get(GenericRecord rec, Dictionary<int, Field> map, int id) => map.TryGetValue(id, out var f) ? rec.GetValue(f.Pos) : null;
        var d = Get(r, ids, 2) as GenericRecord ?? throw Missing(file, "data_file (2)");
        var dids = IcebergAvro.FieldsById(d.Schema);
        object? D(int id) => Get(d, dids, id);
        var partition = new Dictionary<int, object?>();
        if (D(102) is GenericRecord p)
        {
            foreach (var (fieldId, field) in IcebergAvro.FieldsById(p.Schema))
            {
                var raw = p.GetValue(field.Pos) switch
                {
                    GenericFixed fixedValue => fixedValue.Value, // fixed, uuid and (older writers') decimal partitions
                    AvroDecimal dec => dec.ToType<decimal>(),
                    var other => other,
                };
                partition[fieldId] = raw is null || resultTypes is null || !resultTypes.TryGetValue(fieldId, out var type) ? raw
                    : raw is byte[] bytes && type.TypeId is IcebergTypeId.Decimal or IcebergTypeId.Uuid ? IcebergSingleValue.FromBytes(type, bytes)
                    : IcebergValues.Normalize(type, raw);
            }
        }
        var dataFile = new IcebergDataFile
        {
            Content = (IcebergFileContent)Convert.ToInt32(D(134) ?? 0, CultureInfo.InvariantCulture),
            FilePath = D(100) as string ?? throw Missing(file, "file_path (100)"),
            FileFormat = D(101) as string ?? "PARQUET",
            Partition = partition,
            RecordCount = Convert.ToInt64(D(103) ?? throw Missing(file, "record_count (103)"), CultureInfo.InvariantCulture),
            FileSizeInBytes = Convert.ToInt64(D(104) ?? throw Missing(file, "file_size_in_bytes (104)"), CultureInfo.InvariantCulture),
            ColumnSizes = LongMap(D(108)),
            ValueCounts = LongMap(D(109)),
            NullValueCounts = LongMap(D(110)),
            NanValueCounts = LongMap(D(137)),
            LowerBounds = BytesMap(D(125)),
            UpperBounds = BytesMap(D(128)),
            KeyMetadata = D(131) as byte[],
            SplitOffsets = (D(132) as object[])?.Select(o => Convert.ToInt64(o, CultureInfo.InvariantCulture)).ToList(),
            EqualityIds = (D(135) as object[])?.Select(o => Convert.ToInt32(o, CultureInfo.InvariantCulture)).ToList(),
            SortOrderId = D(140) is { } so ? Convert.ToInt32(so, CultureInfo.InvariantCulture) : null,
            ReferencedDataFile = D(143) as string,
        };
        return new IcebergManifestEntry(
            (IcebergEntryStatus)Convert.ToInt32(Get(r, ids, 0) ?? throw Missing(file, "status (0)"), CultureInfo.InvariantCulture),
            Get(r, ids, 1) is { } sid ? Convert.ToInt64(sid, CultureInfo.InvariantCulture) : null,
            Get(r, ids, 3) is { } seq ? Convert.ToInt64(seq, CultureInfo.InvariantCulture) : null,
            Get(r, ids, 4) is { } fseq ? Convert.ToInt64(fseq, CultureInfo.InvariantCulture) : null,
            dataFile);
    }

    private static Dictionary<int, long>? LongMap(object? value) =>
        (value as object[])?.Cast<GenericRecord>().ToDictionary(
            kv => Convert.ToInt32(kv.GetValue(0), CultureInfo.InvariantCulture),
            kv => Convert.ToInt64(kv.GetValue(1), CultureInfo.InvariantCulture));

    private static Dictionary<int, byte[]>? BytesMap(object? value) =>
        (value as object[])?.Cast<GenericRecord>().ToDictionary(
            kv => Convert.ToInt32(kv.GetValue(0), CultureInfo.InvariantCulture),
            kv => (byte[])kv.GetValue(1));

    /// <summary>Writes a v2 manifest (deflate) of files written under <paramref name="spec"/> and returns its bytes.</summary>
    public static byte[] Write(IcebergSchema schema, IcebergPartitionSpec spec, IcebergFileContent content, IEnumerable<IcebergManifestEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(entries);
        var schemaJson = IcebergAvroSchemas.ManifestEntry(spec, schema);
        var avro = (RecordSchema)Schema.Parse(schemaJson);
        var dataFileSchema = IcebergAvro.RecordOf(avro.Fields.First(f => f.Name == "data_file").Schema);
        var partitionSchema = IcebergAvro.RecordOf(dataFileSchema.Fields.First(f => f.Name == "partition").Schema);
        RecordSchema MapSchema(string name) => IcebergAvro.RecordOf(dataFileSchema.Fields.First(f => f.Name == name).Schema);
        using var output = new MemoryStream();
        using (var writer = DataFileWriter<GenericRecord>.OpenWriter(new GenericDatumWriter<GenericRecord>(avro), output, Codec.CreateCodec(Codec.Type.Deflate), leaveOpen: true))
        {
            writer.SetMeta("schema", schema.ToJson().ToJsonString());
            writer.SetMeta("schema-id", schema.SchemaId.ToString(CultureInfo.InvariantCulture));
            writer.SetMeta("partition-spec", spec.FieldsJson().ToJsonString());
            writer.SetMeta("partition-spec-id", spec.SpecId.ToString(CultureInfo.InvariantCulture));
            writer.SetMeta("format-version", "2");
            writer.SetMeta("content", content == IcebergFileContent.Data ? "data" : "deletes");
            foreach (var e in entries)
            {
                var f = e.DataFile;
                var partition = new GenericRecord(partitionSchema);
                foreach (var pf in spec.Fields)
                {
                    f.Partition.TryGetValue(pf.FieldId, out var v);
                    partition.Add(pf.Name, v is null ? null : ToAvro(pf.ResultType(schema), v));
                }
                var d = new GenericRecord(dataFileSchema);
                d.Add("content", (int)f.Content);
                d.Add("file_path", f.FilePath);
                d.Add("file_format", f.FileFormat);
                d.Add("partition", partition);
                d.Add("record_count", f.RecordCount);
                d.Add("file_size_in_bytes", f.FileSizeInBytes);
                d.Add("column_sizes", Map(MapSchema("column_sizes"), f.ColumnSizes));
                d.Add("value_counts", Map(MapSchema("value_counts"), f.ValueCounts));
                d.Add("null_value_counts", Map(MapSchema("null_value_counts"), f.NullValueCounts));
                d.Add("nan_value_counts", Map(MapSchema("nan_value_counts"), f.NanValueCounts));
                d.Add("lower_bounds", Map(MapSchema("lower_bounds"), f.LowerBounds));
                d.Add("upper_bounds", Map(MapSchema("upper_bounds"), f.UpperBounds));
                d.Add("key_metadata", f.KeyMetadata);
                d.Add("split_offsets", f.SplitOffsets?.Select(o => (object)o).ToArray());
                d.Add("equality_ids", f.EqualityIds?.Select(o => (object)o).ToArray());
                d.Add("sort_order_id", f.SortOrderId);
                d.Add("referenced_data_file", f.ReferencedDataFile);
                var r = new GenericRecord(avro);
                r.Add("status", (int)e.Status);
                r.Add("snapshot_id", e.SnapshotId);
                r.Add("sequence_number", e.SequenceNumber);
                r.Add("file_sequence_number", e.FileSequenceNumber);
                r.Add("data_file", d);
                writer.Append(r);
            }
        }
        return IcebergAvroHeader.ReplaceSchema(output.ToArray(), schemaJson);
    }

    /// <summary>A partition value in the CLR form Apache.Avro expects for the Avro type of <see cref="IcebergAvroSchemas"/>.</summary>
    private static object ToAvro(IcebergPrimitiveType type, object value)
    {
        value = IcebergValues.Normalize(type, value);
        return value switch
        {
            DateOnly date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            _ => value,
        };
    }

    private static object[]? Map<T>(RecordSchema entrySchema, IReadOnlyDictionary<int, T>? map) =>
        map?.OrderBy(p => p.Key).Select(p =>
        {
            var kv = new GenericRecord(entrySchema);
            kv.Add("key", p.Key);
            kv.Add("value", p.Value);
            return (object)kv;
        }).ToArray();

    private static IcebergException Missing(string file, string field) =>
        new(IcebergErrorKind.InvalidMetadata, "A required manifest field is missing.") { File = file, Field = field };
}
