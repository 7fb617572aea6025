using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>A table schema: a struct of top-level fields with a schema id. Columns are identified by field id, never by name.</summary>
public sealed record IcebergSchema(int SchemaId, IReadOnlyList<IcebergField> Fields, IReadOnlyList<int>? IdentifierFieldIds = null)
{
    /// <summary>The top-level field with this id, or null.</summary>
    public IcebergField? FindField(int id) => Fields.FirstOrDefault(f => f.Id == id);

    /// <summary>The top-level field with this name (exact, case-sensitive), or null.</summary>
    public IcebergField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>The highest field id used anywhere in the schema, nested ids included.</summary>
    public int HighestFieldId() => Fields.Count == 0 ? 0 : Fields.Max(f => Highest(f.Id, f.Type));

    private static int Highest(int id, IcebergType type) => type switch
    {
        IcebergStructType s => Math.Max(id, s.Fields.Count == 0 ? 0 : s.Fields.Max(f => Highest(f.Id, f.Type))),
        IcebergListType l => Math.Max(id, Highest(l.ElementId, l.Element)),
        IcebergMapType m => Math.Max(id, Math.Max(Highest(m.KeyId, m.Key), Highest(m.ValueId, m.Value))),
        _ => id,
    };

    /// <summary>The schema as metadata JSON: <c>{"type":"struct","schema-id",…,"fields":[…]}</c>.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["type"] = "struct",
            ["schema-id"] = SchemaId,
        };
        if (IdentifierFieldIds is { Count: > 0 })
        {
            o["identifier-field-ids"] = new JsonArray(IdentifierFieldIds.Select(i => (JsonNode)i).ToArray());
        }
        o["fields"] = new JsonArray(Fields.Select(f => (JsonNode)f.ToJson()).ToArray());
        return o;
    }

    /// <summary>Parses a schema object; a missing <c>schema-id</c> (format v1) reads as <paramref name="defaultId"/>.</summary>
    public static IcebergSchema Parse(JsonNode? node, string context, int defaultId = 0)
    {
        if (node is not JsonObject obj)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A schema must be a JSON object.") { Field = context, Actual = node?.ToJsonString() ?? "null" };
        }
        var id = obj["schema-id"] is null ? defaultId : IcebergType.RequiredInt(obj, "schema-id", context);
        var fields = IcebergStructType.ParseFields(obj, context);
        var identifiers = obj["identifier-field-ids"] is JsonArray ids ? ids.Select(i => i!.GetValue<int>()).ToList() : null;
        return new IcebergSchema(id, fields, identifiers);
    }
}
