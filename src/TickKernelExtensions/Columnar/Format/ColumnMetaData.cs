namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Parquet <c>ColumnMetaData</c>. Sizes include the page headers; <see cref="NumValues"/> counts
/// nulls too; offsets are from the start of the file.
/// </summary>
internal sealed record ColumnMetaData
{
    public required PhysicalType Type { get; init; }
    public required IReadOnlyList<ParquetEncoding> Encodings { get; init; }
    public required string PathInSchema { get; init; }
    public required CompressionCodec Codec { get; init; }
    public required long NumValues { get; init; }
    public required long TotalUncompressedSize { get; init; }
    public required long TotalCompressedSize { get; init; }
    public required long DataPageOffset { get; init; }
    public long? DictionaryPageOffset { get; init; }
    public Statistics? Statistics { get; init; }
    public IReadOnlyList<PageEncodingStats> EncodingStats { get; init; } = [];

    public void Write(ThriftCompactWriter w)
    {
        w.FieldI32(1, (int)Type);
        w.FieldList(2, ThriftType.I32, Encodings.Count);
        foreach (var encoding in Encodings)
        {
            w.WriteI32((int)encoding);
        }
        w.FieldList(3, ThriftType.Binary, 1);
        w.WriteString(PathInSchema);
        w.FieldI32(4, (int)Codec);
        w.FieldI64(5, NumValues);
        w.FieldI64(6, TotalUncompressedSize);
        w.FieldI64(7, TotalCompressedSize);
        w.FieldI64(9, DataPageOffset);
        if (DictionaryPageOffset is { } dictionaryOffset) { w.FieldI64(11, dictionaryOffset); }
        if (Statistics is not null)
        {
            w.FieldStruct(12);
            Statistics.Write(w);
            w.EndStruct();
        }
        if (EncodingStats.Count > 0)
        {
            w.FieldList(13, ThriftType.Struct, EncodingStats.Count);
            foreach (var stats in EncodingStats)
            {
                w.BeginStruct();
                stats.Write(w);
                w.EndStruct();
            }
        }
    }
}
