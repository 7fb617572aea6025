using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>A map; keys and values carry the field ids <see cref="KeyId"/> and <see cref="ValueId"/>.</summary>
public sealed record IcebergMapType(int KeyId, IcebergType Key, int ValueId, IcebergType Value, bool ValueRequired) : IcebergType(IcebergTypeId.Map)
{
    /// <inheritdoc />
    public override JsonNode ToJson() => new JsonObject
    {
        ["type"] = "map",
        ["key-id"] = KeyId,
        ["key"] = Key.ToJson(),
        ["value-id"] = ValueId,
        ["value"] = Value.ToJson(),
        ["value-required"] = ValueRequired,
    };

    internal static IcebergMapType Parse(JsonObject obj, string context) => new(
        RequiredInt(obj, "key-id", context),
        IcebergType.Parse(obj["key"], context + ".key"),
        RequiredInt(obj, "value-id", context),
        IcebergType.Parse(obj["value"], context + ".value"),
        obj["value-required"] is JsonValue v && v.TryGetValue<bool>(out var b) && b);
}
