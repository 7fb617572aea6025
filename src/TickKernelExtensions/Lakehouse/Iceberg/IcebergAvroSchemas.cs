using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// The Avro schemas of v2 manifest lists and manifests, exactly as the spec lists them, with the field ids as
/// <c>field-id</c> / <c>element-id</c> attributes and int-keyed maps as arrays of <c>k{key}_v{value}</c> records
/// with <c>"logicalType":"map"</c>.
/// </summary>
public static class IcebergAvroSchemas
{
    /// <summary>The v2 <c>manifest_file</c> record of a manifest list.</summary>
    public static string ManifestList { get; } = new JsonObject
    {
        ["type"] = "record",
        ["name"] = "manifest_file",
        ["fields"] = new JsonArray(
            Field("manifest_path", "string", 500),
            Field("manifest_length", "long", 501),
            Field("partition_spec_id", "int", 502),
            Field("content", "int", 517),
            Field("sequence_number", "long", 515),
            Field("min_sequence_number", "long", 516),
            Field("added_snapshot_id", "long", 503),
            Field("added_files_count", "int", 504),
            Field("existing_files_count", "int", 505),
            Field("deleted_files_count", "int", 506),
            Field("added_rows_count", "long", 512),
            Field("existing_rows_count", "long", 513),
            Field("deleted_rows_count", "long", 514),
            Optional("partitions", new JsonObject
            {
                ["type"] = "array",
                ["element-id"] = 508,
                ["items"] = new JsonObject
                {
                    ["type"] = "record",
                    ["name"] = "r508",
                    ["fields"] = new JsonArray(
                        Field("contains_null", "boolean", 509),
                        Optional("contains_nan", "boolean", 518),
                        Optional("lower_bound", "bytes", 510),
                        Optional("upper_bound", "bytes", 511)),
                },
            }, 507),
            Optional("key_metadata", "bytes", 519)),
    }.ToJsonString();

    /// <summary>The v2 <c>manifest_entry</c> record for files written under <paramref name="spec"/> of <paramref name="schema"/>.</summary>
    public static string ManifestEntry(IcebergPartitionSpec spec, IcebergSchema schema)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var partitionFields = new JsonArray(spec.Fields.Select(f => (JsonNode)Optional(f.Name, PartitionAvroType(f, schema), f.FieldId)).ToArray());
        return new JsonObject
        {
            ["type"] = "record",
            ["name"] = "manifest_entry",
            ["fields"] = new JsonArray(
                Field("status", "int", 0),
                Optional("snapshot_id", "long", 1),
                Optional("sequence_number", "long", 3),
                Optional("file_sequence_number", "long", 4),
                Field("data_file", new JsonObject
                {
                    ["type"] = "record",
                    ["name"] = "r2",
                    ["fields"] = new JsonArray(
                        Field("content", "int", 134),
                        Field("file_path", "string", 100),
                        Field("file_format", "string", 101),
                        Field("partition", new JsonObject { ["type"] = "record", ["name"] = "r102", ["fields"] = partitionFields }, 102),
                        Field("record_count", "long", 103),
                        Field("file_size_in_bytes", "long", 104),
                        Optional("column_sizes", IntMap(117, 118, "long"), 108),
                        Optional("value_counts", IntMap(119, 120, "long"), 109),
                        Optional("null_value_counts", IntMap(121, 122, "long"), 110),
                        Optional("nan_value_counts", IntMap(138, 139, "long"), 137),
                        Optional("lower_bounds", IntMap(126, 127, "bytes"), 125),
                        Optional("upper_bounds", IntMap(129, 130, "bytes"), 128),
                        Optional("key_metadata", "bytes", 131),
                        Optional("split_offsets", new JsonObject { ["type"] = "array", ["items"] = "long", ["element-id"] = 133 }, 132),
                        Optional("equality_ids", new JsonObject { ["type"] = "array", ["items"] = "int", ["element-id"] = 136 }, 135),
                        Optional("sort_order_id", "int", 140),
                        Optional("referenced_data_file", "string", 143)),
                }, 2)),
        }.ToJsonString();
    }

    /// <summary>
    /// The Avro type of a partition value: its result type's Avro form (date → int/date, timestamps → long/
    /// timestamp-micros). Decimal, uuid, fixed and time partition values are not written by this layer.
    /// </summary>
    private static JsonNode PartitionAvroType(IcebergPartitionField field, IcebergSchema schema)
    {
        var type = field.ResultType(schema);
        return type.TypeId switch
        {
            IcebergTypeId.Boolean => "boolean",
            IcebergTypeId.Int => "int",
            IcebergTypeId.Long => "long",
            IcebergTypeId.Float => "float",
            IcebergTypeId.Double => "double",
            IcebergTypeId.String => "string",
            IcebergTypeId.Binary => "bytes",
            IcebergTypeId.Date => new JsonObject { ["type"] = "int", ["logicalType"] = "date" },
            IcebergTypeId.Timestamp => new JsonObject { ["type"] = "long", ["logicalType"] = "timestamp-micros", ["adjust-to-utc"] = false },
            IcebergTypeId.TimestampTz => new JsonObject { ["type"] = "long", ["logicalType"] = "timestamp-micros", ["adjust-to-utc"] = true },
            _ => throw new IcebergException(IcebergErrorKind.Unsupported, "Writing partition values of this type is not supported.")
            {
                Field = field.Name,
                Expected = "boolean, int, long, float, double, string, binary, date, timestamp or timestamptz",
                Actual = type.ToString(),
            },
        };
    }

    private static JsonObject IntMap(int keyId, int valueId, string valueType) => new()
    {
        ["type"] = "array",
        ["logicalType"] = "map",
        ["items"] = new JsonObject
        {
            ["type"] = "record",
            ["name"] = IcebergType.Invariant($"k{keyId}_v{valueId}"),
            ["fields"] = new JsonArray(Field("key", "int", keyId), Field("value", valueType, valueId)),
        },
    };

    private static JsonObject Field(string name, JsonNode type, int id) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["field-id"] = id,
    };

    private static JsonObject Optional(string name, JsonNode type, int id) => new()
    {
        ["name"] = name,
        ["type"] = new JsonArray("null", type),
        ["default"] = null,
        ["field-id"] = id,
    };
}
