using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>A sort order; order 0 with no fields is "unsorted".</summary>
public sealed record IcebergSortOrder(int OrderId, IReadOnlyList<IcebergSortField> Fields)
{
    /// <summary>The unsorted order 0.</summary>
    public static IcebergSortOrder Unsorted { get; } = new(0, []);

    /// <summary><c>{"order-id","fields":[…]}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["order-id"] = OrderId,
        ["fields"] = new JsonArray(Fields.Select(f => (JsonNode)f.ToJson()).ToArray()),
    };

    /// <summary>Parses a sort order object.</summary>
    public static IcebergSortOrder Parse(JsonNode? node, string context) =>
        node is JsonObject obj
            ? new(IcebergType.RequiredInt(obj, "order-id", context),
                (obj["fields"] as JsonArray ?? []).Select(f => IcebergSortField.Parse(f, context)).ToList())
            : throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A sort order must be a JSON object.") { Field = context };
}
