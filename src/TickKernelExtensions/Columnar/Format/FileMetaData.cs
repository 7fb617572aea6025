namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Parquet <c>FileMetaData</c>, the footer. <c>version</c> is 1, as the format recommends for widest
/// reader support. Every leaf column gets the TYPE_ORDER column order, which readers need before they
/// trust <c>min_value</c>/<c>max_value</c>.
/// </summary>
internal sealed record FileMetaData(
    IReadOnlyList<SchemaElement> Schema,
    long NumRows,
    IReadOnlyList<RowGroup> RowGroups,
    IReadOnlyList<KeyValue> KeyValueMetadata,
    string CreatedBy)
{
    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.FieldI32(1, 1);
        w.FieldList(2, ThriftType.Struct, Schema.Count);
        foreach (var element in Schema)
        {
            w.BeginStruct();
            element.Write(w);
            w.EndStruct();
        }
        w.FieldI64(3, NumRows);
        w.FieldList(4, ThriftType.Struct, RowGroups.Count);
        foreach (var rowGroup in RowGroups)
        {
            w.BeginStruct();
            rowGroup.Write(w);
            w.EndStruct();
        }
        if (KeyValueMetadata.Count > 0)
        {
            w.FieldList(5, ThriftType.Struct, KeyValueMetadata.Count);
            foreach (var entry in KeyValueMetadata)
            {
                w.BeginStruct();
                entry.Write(w);
                w.EndStruct();
            }
        }
        w.FieldString(6, CreatedBy);
        var leaves = Schema.Count(e => e.Type is not null);
        w.FieldList(7, ThriftType.Struct, leaves);
        for (var i = 0; i < leaves; i++)
        {
            // ColumnOrder union, member 1: TypeDefinedOrder (an empty struct).
            w.BeginStruct();
            w.FieldEmptyStruct(1);
            w.EndStruct();
        }
        w.EndStruct();
    }
}
