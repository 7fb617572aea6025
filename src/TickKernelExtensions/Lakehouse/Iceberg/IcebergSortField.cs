using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>One sort key: a transform of a source column, <c>asc</c>/<c>desc</c>, <c>nulls-first</c>/<c>nulls-last</c>.</summary>
public sealed record IcebergSortField(IcebergTransform Transform, int SourceId, string Direction, string NullOrder)
{
    /// <summary><c>{"transform","source-id","direction","null-order"}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["transform"] = Transform.ToString(),
        ["source-id"] = SourceId,
        ["direction"] = Direction,
        ["null-order"] = NullOrder,
    };

    internal static IcebergSortField Parse(JsonNode? node, string context)
    {
        if (node is not JsonObject obj)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A sort field must be a JSON object.") { Field = context };
        }
        return new IcebergSortField(
            IcebergTransform.Parse(IcebergType.RequiredString(obj, "transform", context), context + ".transform"),
            IcebergType.RequiredInt(obj, "source-id", context),
            IcebergType.RequiredString(obj, "direction", context),
            IcebergType.RequiredString(obj, "null-order", context));
    }
}
