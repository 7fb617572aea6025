namespace TickKernelExtensions.Columnar.Format;

/// <summary>Parquet <c>PageEncodingStats</c>: how many pages of a type used an encoding.</summary>
internal sealed record PageEncodingStats(PageType PageType, ParquetEncoding Encoding, int Count)
{
    public void Write(ThriftCompactWriter w)
    {
        w.FieldI32(1, (int)PageType);
        w.FieldI32(2, (int)Encoding);
        w.FieldI32(3, Count);
    }
}
