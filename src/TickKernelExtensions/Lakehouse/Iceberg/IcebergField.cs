using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>A named field of a struct (or schema) with its unique field id.</summary>
public sealed record IcebergField(int Id, string Name, bool Required, IcebergType Type, string? Doc = null)
{
    /// <summary>The field as metadata JSON: <c>{"id","name","required","type"[,"doc"]}</c>.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["required"] = Required,
            ["type"] = Type.ToJson(),
        };
        if (Doc is not null)
        {
            o["doc"] = Doc;
        }
        return o;
    }

    /// <summary>Parses a field object; <paramref name="context"/> names its parent in errors.</summary>
    public static IcebergField Parse(JsonNode? node, string context)
    {
        if (node is not JsonObject obj)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A field must be a JSON object.") { Field = context, Actual = node?.ToJsonString() ?? "null" };
        }
        var name = IcebergType.RequiredString(obj, "name", context);
        var id = IcebergType.RequiredInt(obj, "id", context + "." + name);
        var required = obj["required"] is JsonValue r && r.TryGetValue<bool>(out var b) && b;
        var type = IcebergType.Parse(obj["type"], context + "." + name);
        return new IcebergField(id, name, required, type, obj["doc"]?.GetValue<string>());
    }
}
