using System.Globalization;
using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>An Iceberg type: a primitive (<see cref="IcebergPrimitiveType"/>) or a nested struct, list or map.</summary>
public abstract record IcebergType(IcebergTypeId Id)
{
    /// <summary>True for every type except struct, list and map.</summary>
    public bool IsPrimitive => Id is not (IcebergTypeId.Struct or IcebergTypeId.List or IcebergTypeId.Map);

    /// <summary>The type as metadata JSON: a string for primitives, an object for nested types.</summary>
    public abstract JsonNode ToJson();

    /// <summary>Parses a type from metadata JSON; <paramref name="field"/> names it in errors.</summary>
    public static IcebergType Parse(JsonNode? node, string field)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                return IcebergPrimitiveType.Parse(text, field);
            case JsonObject obj:
                var kind = obj["type"]?.GetValue<string>();
                return kind switch
                {
                    "struct" => IcebergStructType.Parse(obj, field),
                    "list" => IcebergListType.Parse(obj, field),
                    "map" => IcebergMapType.Parse(obj, field),
                    _ => throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Unknown nested type.")
                    {
                        Field = field,
                        Expected = "struct, list or map",
                        Actual = kind ?? "(missing)",
                    },
                };
            default:
                throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A type must be a string or an object.")
                {
                    Field = field,
                    Actual = node?.ToJsonString() ?? "null",
                };
        }
    }

    /// <summary>Reads a required int property of a JSON object.</summary>
    internal static int RequiredInt(JsonObject obj, string name, string context) =>
        obj[name] is JsonValue v && v.TryGetValue<int>(out var i)
            ? i
            : throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A required integer is missing or not an integer.")
            {
                Field = context + "." + name,
                Actual = obj[name]?.ToJsonString() ?? "(missing)",
            };

    /// <summary>Reads a required string property of a JSON object.</summary>
    internal static string RequiredString(JsonObject obj, string name, string context) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A required string is missing or not a string.")
            {
                Field = context + "." + name,
                Actual = obj[name]?.ToJsonString() ?? "(missing)",
            };

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
