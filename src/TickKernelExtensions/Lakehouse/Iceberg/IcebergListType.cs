using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>A list whose elements carry the field id <see cref="ElementId"/>.</summary>
public sealed record IcebergListType(int ElementId, IcebergType Element, bool ElementRequired) : IcebergType(IcebergTypeId.List)
{
    /// <inheritdoc />
    public override JsonNode ToJson() => new JsonObject
    {
        ["type"] = "list",
        ["element-id"] = ElementId,
        ["element"] = Element.ToJson(),
        ["element-required"] = ElementRequired,
    };

    internal static IcebergListType Parse(JsonObject obj, string context) => new(
        RequiredInt(obj, "element-id", context),
        IcebergType.Parse(obj["element"], context + ".element"),
        obj["element-required"] is JsonValue v && v.TryGetValue<bool>(out var b) && b);
}
