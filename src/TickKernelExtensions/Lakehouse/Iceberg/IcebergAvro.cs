using System.Globalization;
using System.Runtime.CompilerServices;
using Avro;
using Avro.Generic;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>Access to Avro generic records by Iceberg field id (how Iceberg readers project), not by name.</summary>
internal static class IcebergAvro
{
    private static readonly ConditionalWeakTable<RecordSchema, Dictionary<int, Field>> Cache = new();

    /// <summary>The record's fields keyed by their <c>field-id</c> attribute (computed once per schema instance).</summary>
    public static Dictionary<int, Field> FieldsById(RecordSchema schema) => Cache.GetValue(schema, Compute);

    private static Dictionary<int, Field> Compute(RecordSchema schema)
    {
        var byId = new Dictionary<int, Field>();
        foreach (var field in schema.Fields)
        {
            var id = field.GetProperty("field-id");
            if (id is not null && int.TryParse(id.Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                byId[n] = field;
            }
        }
        return byId;
    }

    /// <summary>The value of the field with <paramref name="fieldId"/>, or null when the record has no such field or it is null.</summary>
    public static object? Get(GenericRecord record, int fieldId)
    {
        var fields = FieldsById(record.Schema);
        return fields.TryGetValue(fieldId, out var f) ? record.GetValue(f.Pos) : null;
    }

    /// <summary>The record schema inside a field's type (unwrapping <c>["null", T]</c> and arrays).</summary>
    public static RecordSchema RecordOf(Schema schema) => schema switch
    {
        RecordSchema r => r,
        UnionSchema u => RecordOf(u.Schemas.First(s => s.Tag != Schema.Type.Null)),
        ArraySchema a => RecordOf(a.ItemSchema),
        LogicalSchema l => RecordOf(l.BaseSchema),
        _ => throw new IcebergException(IcebergErrorKind.InvalidMetadata, "Expected an Avro record type.") { Actual = schema.ToString() },
    };

    /// <summary>The non-null branch of an optional type.</summary>
    public static Schema NonNull(Schema schema) =>
        schema is UnionSchema u ? u.Schemas.First(s => s.Tag != Schema.Type.Null) : schema;
}
