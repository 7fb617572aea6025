using System.Text.Json;
using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Reads table metadata JSON of format v1 and v2 and writes v2 with every field the spec requires
/// (and <c>current-snapshot-id</c> as -1 when there is none, as Java does).
/// </summary>
public static class IcebergTableMetadataJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Parses metadata JSON; <paramref name="file"/> names the file in errors.</summary>
    public static IcebergTableMetadata Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Table metadata must be a JSON object.") { File = file };
        }
        catch (JsonException e)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Table metadata is not valid JSON: " + e.Message, e) { File = file };
        }
        try
        {
            return Parse(root);
        }
        catch (IcebergException e)
        {
            throw e.At(file);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Table metadata has a field of the wrong JSON type: " + e.Message, e) { File = file };
        }
    }

    private static IcebergTableMetadata Parse(JsonObject root)
    {
        var version = IcebergType.RequiredInt(root, "format-version", "metadata");
        if (version is < 1 or > 2)
        {
            throw new IcebergException(IcebergErrorKind.Unsupported, "Unsupported table format version.")
            {
                Field = "format-version",
                Expected = "1 or 2",
                Actual = IcebergType.Invariant($"{version}"),
            };
        }
        var v2 = version == 2;
        List<IcebergSchema> schemas = root["schemas"] is JsonArray sa
            ? sa.Select((s, i) => IcebergSchema.Parse(s, IcebergType.Invariant($"schemas[{i}]"))).ToList()
            : [IcebergSchema.Parse(root["schema"] ?? throw Missing("schemas"), "schema")];
        var currentSchemaId = root["current-schema-id"] is null ? schemas[0].SchemaId : IcebergType.RequiredInt(root, "current-schema-id", "metadata");
        List<IcebergPartitionSpec> specs = root["partition-specs"] is JsonArray pa
            ? pa.Select((s, i) => IcebergPartitionSpec.Parse(s, IcebergType.Invariant($"partition-specs[{i}]"))).ToList()
            : [IcebergPartitionSpec.Parse(root["partition-spec"] ?? throw Missing("partition-specs"), "partition-spec")];
        var snapshots = (root["snapshots"] as JsonArray ?? []).Select((s, i) => ParseSnapshot(s, i, v2)).ToList();
        long? current = root["current-snapshot-id"] is JsonValue cv && cv.TryGetValue<long>(out var c) && c != -1 ? c : null;
        var refs = new Dictionary<string, IcebergSnapshotRef>(StringComparer.Ordinal);
        if (root["refs"] is JsonObject ro)
        {
            foreach (var (name, node) in ro)
            {
                var r = node as JsonObject ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A ref must be an object.") { Field = "refs." + name };
                refs[name] = new IcebergSnapshotRef(
                    Long(r, "snapshot-id", "refs." + name),
                    IcebergType.RequiredString(r, "type", "refs." + name),
                    r["max-ref-age-ms"]?.GetValue<long>(),
                    r["max-snapshot-age-ms"]?.GetValue<long>(),
                    r["min-snapshots-to-keep"]?.GetValue<int>());
            }
        }
        return new IcebergTableMetadata
        {
            FormatVersion = version,
            TableUuid = root["table-uuid"]?.GetValue<string>() ?? (v2 ? throw Missing("table-uuid") : ""),
            Location = IcebergType.RequiredString(root, "location", "metadata"),
            LastSequenceNumber = v2 ? Long(root, "last-sequence-number", "metadata") : 0,
            LastUpdatedMs = Long(root, "last-updated-ms", "metadata"),
            LastColumnId = IcebergType.RequiredInt(root, "last-column-id", "metadata"),
            Schemas = schemas,
            CurrentSchemaId = currentSchemaId,
            PartitionSpecs = specs,
            DefaultSpecId = root["default-spec-id"] is null ? specs[0].SpecId : IcebergType.RequiredInt(root, "default-spec-id", "metadata"),
            LastPartitionId = root["last-partition-id"] is null ? specs.Max(s => s.LastFieldId) : IcebergType.RequiredInt(root, "last-partition-id", "metadata"),
            Properties = StringMap(root["properties"]),
            CurrentSnapshotId = current,
            Snapshots = snapshots,
            SnapshotLog = (root["snapshot-log"] as JsonArray ?? []).Select((e, i) =>
                new IcebergSnapshotLogEntry(Long(Obj(e, i, "snapshot-log"), "timestamp-ms", "snapshot-log"), Long(Obj(e, i, "snapshot-log"), "snapshot-id", "snapshot-log"))).ToList(),
            MetadataLog = (root["metadata-log"] as JsonArray ?? []).Select((e, i) =>
                new IcebergMetadataLogEntry(Long(Obj(e, i, "metadata-log"), "timestamp-ms", "metadata-log"), IcebergType.RequiredString(Obj(e, i, "metadata-log"), "metadata-file", "metadata-log"))).ToList(),
            SortOrders = root["sort-orders"] is JsonArray so
                ? so.Select((s, i) => IcebergSortOrder.Parse(s, IcebergType.Invariant($"sort-orders[{i}]"))).ToList()
                : [IcebergSortOrder.Unsorted],
            DefaultSortOrderId = root["default-sort-order-id"]?.GetValue<int>() ?? 0,
            Refs = refs,
        };
    }

    private static IcebergSnapshot ParseSnapshot(JsonNode? node, int index, bool v2)
    {
        var context = IcebergType.Invariant($"snapshots[{index}]");
        var s = Obj(node, index, "snapshots");
        var manifestList = s["manifest-list"]?.GetValue<string>()
            ?? throw new IcebergException(IcebergErrorKind.Unsupported, "The snapshot has no manifest-list (v1 'manifests' arrays are not supported).")
            {
                Field = context + ".manifest-list",
            };
        return new IcebergSnapshot(
            Long(s, "snapshot-id", context),
            s["parent-snapshot-id"] is JsonValue p && p.TryGetValue<long>(out var parent) ? parent : null,
            v2 ? Long(s, "sequence-number", context) : s["sequence-number"]?.GetValue<long>() ?? 0,
            Long(s, "timestamp-ms", context),
            manifestList,
            StringMap(s["summary"]),
            s["schema-id"]?.GetValue<int>());
    }

    /// <summary>Writes format v2 metadata JSON (indented, UTF-8).</summary>
    public static string Write(IcebergTableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var m = metadata;
        var root = new JsonObject
        {
            ["format-version"] = 2,
            ["table-uuid"] = m.TableUuid,
            ["location"] = m.Location,
            ["last-sequence-number"] = m.LastSequenceNumber,
            ["last-updated-ms"] = m.LastUpdatedMs,
            ["last-column-id"] = m.LastColumnId,
            ["current-schema-id"] = m.CurrentSchemaId,
            ["schemas"] = new JsonArray(m.Schemas.Select(s => (JsonNode)s.ToJson()).ToArray()),
            ["default-spec-id"] = m.DefaultSpecId,
            ["partition-specs"] = new JsonArray(m.PartitionSpecs.Select(s => (JsonNode)s.ToJson()).ToArray()),
            ["last-partition-id"] = m.LastPartitionId,
            ["default-sort-order-id"] = m.DefaultSortOrderId,
            ["sort-orders"] = new JsonArray(m.SortOrders.Select(s => (JsonNode)s.ToJson()).ToArray()),
            ["properties"] = MapJson(m.Properties),
            ["current-snapshot-id"] = m.CurrentSnapshotId ?? -1,
            ["refs"] = new JsonObject(m.Refs.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)RefJson(r.Value)))),
            ["snapshots"] = new JsonArray(m.Snapshots.Select(s => (JsonNode)SnapshotJson(s)).ToArray()),
            ["statistics"] = new JsonArray(),
            ["snapshot-log"] = new JsonArray(m.SnapshotLog.Select(e => (JsonNode)new JsonObject { ["timestamp-ms"] = e.TimestampMs, ["snapshot-id"] = e.SnapshotId }).ToArray()),
            ["metadata-log"] = new JsonArray(m.MetadataLog.Select(e => (JsonNode)new JsonObject { ["timestamp-ms"] = e.TimestampMs, ["metadata-file"] = e.MetadataFile }).ToArray()),
        };
        return root.ToJsonString(Indented);
    }

    private static JsonObject SnapshotJson(IcebergSnapshot s)
    {
        var o = new JsonObject
        {
            ["sequence-number"] = s.SequenceNumber,
            ["snapshot-id"] = s.SnapshotId,
        };
        if (s.ParentSnapshotId is { } parent)
        {
            o["parent-snapshot-id"] = parent;
        }
        o["timestamp-ms"] = s.TimestampMs;
        o["summary"] = MapJson(s.Summary);
        o["manifest-list"] = s.ManifestList;
        if (s.SchemaId is { } schemaId)
        {
            o["schema-id"] = schemaId;
        }
        return o;
    }

    private static JsonObject RefJson(IcebergSnapshotRef r)
    {
        var o = new JsonObject { ["snapshot-id"] = r.SnapshotId, ["type"] = r.Type };
        if (r.MaxRefAgeMs is { } a)
        {
            o["max-ref-age-ms"] = a;
        }
        if (r.MaxSnapshotAgeMs is { } b)
        {
            o["max-snapshot-age-ms"] = b;
        }
        if (r.MinSnapshotsToKeep is { } c)
        {
            o["min-snapshots-to-keep"] = c;
        }
        return o;
    }

    private static JsonObject MapJson(IReadOnlyDictionary<string, string> map) =>
        new(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    private static Dictionary<string, string> StringMap(JsonNode? node) =>
        node is JsonObject o
            ? o.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static long Long(JsonObject obj, string name, string context) =>
        obj[name] is JsonValue v && v.TryGetValue<long>(out var l)
            ? l
            : throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A required long is missing or not an integer.")
            {
                Field = context + "." + name,
                Actual = obj[name]?.ToJsonString() ?? "(missing)",
            };

    private static JsonObject Obj(JsonNode? node, int index, string context) =>
        node as JsonObject ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Expected a JSON object.") { Field = IcebergType.Invariant($"{context}[{index}]") };

    private static IcebergException Missing(string field) =>
        new(IcebergErrorKind.InvalidMetadata, "A required field is missing.") { Field = field };
}
