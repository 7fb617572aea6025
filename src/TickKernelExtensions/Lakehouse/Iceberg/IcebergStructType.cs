using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>A struct: an ordered list of fields with unique ids.</summary>
public sealed record IcebergStructType(IReadOnlyList<IcebergField> Fields) : IcebergType(IcebergTypeId.Struct)
{
    /// <inheritdoc />
    public override JsonNode ToJson() => new JsonObject
    {
        ["type"] = "struct",
        ["fields"] = new JsonArray(Fields.Select(f => (JsonNode)f.ToJson()).ToArray()),
    };

    internal static IcebergStructType Parse(JsonObject obj, string context) =>
        new(ParseFields(obj, context));

    internal static List<IcebergField> ParseFields(JsonObject obj, string context) =>
        obj["fields"] is JsonArray fields
            ? fields.Select(f => IcebergField.Parse(f, context)).ToList()
            : throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A struct needs a 'fields' array.") { Field = context + ".fields" };
}
