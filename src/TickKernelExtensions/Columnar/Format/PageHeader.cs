namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Parquet <c>PageHeader</c> of a v1 data page (with <c>DataPageHeader</c>, field 5) or a dictionary
/// page (with <c>DictionaryPageHeader</c>, field 7). Sizes exclude the header itself.
/// </summary>
internal readonly record struct PageHeader(PageType Type, int UncompressedPageSize, int CompressedPageSize, int NumValues)
{
    /// <summary>Encoding of the values: PLAIN for value and dictionary pages, RLE_DICTIONARY for indices.</summary>
    public ParquetEncoding Encoding { get; init; }

    /// <summary>Data pages only: statistics of the page's values.</summary>
    public Statistics? Statistics { get; init; }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.FieldI32(1, (int)Type);
        w.FieldI32(2, UncompressedPageSize);
        w.FieldI32(3, CompressedPageSize);
        if (Type == PageType.DictionaryPage)
        {
            w.FieldStruct(7);
            w.FieldI32(1, NumValues);
            w.FieldI32(2, (int)Encoding);
            w.FieldBool(3, true);
            w.EndStruct();
        }
        else
        {
            w.FieldStruct(5);
            w.FieldI32(1, NumValues);
            w.FieldI32(2, (int)Encoding);
            w.FieldI32(3, (int)ParquetEncoding.Rle);
            w.FieldI32(4, (int)ParquetEncoding.Rle);
            if (Statistics is not null)
            {
                w.FieldStruct(5);
                Statistics.Write(w);
                w.EndStruct();
            }
            w.EndStruct();
        }
        w.EndStruct();
    }
}
