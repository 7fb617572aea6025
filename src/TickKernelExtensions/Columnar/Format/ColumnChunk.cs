namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Parquet <c>ColumnChunk</c>. The deprecated <c>file_offset</c> is set to the chunk's first page, as
/// parquet-mr does, so that readers which still seek with it land on the chunk; spec readers use the
/// offsets in <see cref="MetaData"/>.
/// </summary>
internal sealed record ColumnChunk(long FileOffset, ColumnMetaData MetaData)
{
    public void Write(ThriftCompactWriter w)
    {
        w.FieldI64(2, FileOffset);
        w.FieldStruct(3);
        MetaData.Write(w);
        w.EndStruct();
    }
}
