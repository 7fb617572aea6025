using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>A partition spec: the partition fields of the files written under <see cref="SpecId"/>.</summary>
public sealed record IcebergPartitionSpec(int SpecId, IReadOnlyList<IcebergPartitionField> Fields)
{
    /// <summary>The unpartitioned spec 0.</summary>
    public static IcebergPartitionSpec Unpartitioned { get; } = new(0, []);

    /// <summary>The highest partition field id, or 999 when unpartitioned (Java's convention).</summary>
    public int LastFieldId => Fields.Count == 0 ? 999 : Fields.Max(f => f.FieldId);

    /// <summary><c>{"spec-id","fields":[…]}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["spec-id"] = SpecId,
        ["fields"] = FieldsJson(),
    };

    /// <summary>The fields array alone, as manifests store it in their <c>partition-spec</c> key.</summary>
    public JsonArray FieldsJson() => new(Fields.Select(f => (JsonNode)f.ToJson()).ToArray());

    /// <summary>Parses a spec object (or, for v1's <c>partition-spec</c>, a bare fields array).</summary>
    public static IcebergPartitionSpec Parse(JsonNode? node, string context)
    {
        var (id, fields) = node switch
        {
            JsonObject obj => (obj["spec-id"] is null ? 0 : IcebergType.RequiredInt(obj, "spec-id", context), obj["fields"] as JsonArray),
            JsonArray arr => (0, arr),
            _ => (0, null),
        };
        if (fields is null)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A partition spec needs a fields array.") { Field = context };
        }
        return new IcebergPartitionSpec(id, fields.Select((f, i) => IcebergPartitionField.Parse(f, context, 1000 + i)).ToList());
    }
}
