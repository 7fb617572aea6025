namespace TickKernelExtensions.Columnar.Format;

/// <summary>Parquet <c>RowGroup</c>: one column chunk per leaf column, in schema order.</summary>
internal sealed record RowGroup(IReadOnlyList<ColumnChunk> Columns, long TotalByteSize, long NumRows)
{
    public long? FileOffset { get; init; }
    public long? TotalCompressedSize { get; init; }
    public short? Ordinal { get; init; }

    public void Write(ThriftCompactWriter w)
    {
        w.FieldList(1, ThriftType.Struct, Columns.Count);
        foreach (var column in Columns)
        {
            w.BeginStruct();
            column.Write(w);
            w.EndStruct();
        }
        w.FieldI64(2, TotalByteSize);
        w.FieldI64(3, NumRows);
        if (FileOffset is { } offset) { w.FieldI64(5, offset); }
        if (TotalCompressedSize is { } compressed) { w.FieldI64(6, compressed); }
        if (Ordinal is { } ordinal) { w.FieldI16(7, ordinal); }
    }
}
