using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>One partition field: the transform of source column <see cref="SourceId"/>, with its own field id (1000 and up by convention).</summary>
public sealed record IcebergPartitionField(string Name, IcebergTransform Transform, int SourceId, int FieldId)
{
    /// <summary><c>{"name","transform","source-id","field-id"}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["transform"] = Transform.ToString(),
        ["source-id"] = SourceId,
        ["field-id"] = FieldId,
    };

    /// <summary>Parses a partition field; v1 specs may lack <c>field-id</c>, which then defaults to <paramref name="defaultFieldId"/>.</summary>
    public static IcebergPartitionField Parse(JsonNode? node, string context, int defaultFieldId)
    {
        if (node is not JsonObject obj)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A partition field must be a JSON object.") { Field = context };
        }
        var name = IcebergType.RequiredString(obj, "name", context);
        return new IcebergPartitionField(
            name,
            IcebergTransform.Parse(IcebergType.RequiredString(obj, "transform", context + "." + name), context + "." + name + ".transform"),
            IcebergType.RequiredInt(obj, "source-id", context + "." + name),
            obj["field-id"] is null ? defaultFieldId : IcebergType.RequiredInt(obj, "field-id", context + "." + name));
    }

    /// <summary>The partition value's type, given the table schema.</summary>
    public IcebergPrimitiveType ResultType(IcebergSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var source = schema.FindField(SourceId)
            ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A partition field's source column is not in the schema.")
            {
                Field = Name,
                Expected = IcebergType.Invariant($"a column with id {SourceId} in schema {schema.SchemaId}"),
                Actual = string.Join(", ", schema.Fields.Select(f => IcebergType.Invariant($"{f.Id}:{f.Name}"))),
            };
        return Transform.ResultType(source.Type as IcebergPrimitiveType
            ?? throw new IcebergException(IcebergErrorKind.Unsupported, "Partitioning by a nested column.") { Field = source.Name });
    }
}
