namespace TickKernelExtensions.Columnar.Format;

/// <summary>Parquet <c>PageType</c>.</summary>
internal enum PageType
{
    DataPage = 0,
    IndexPage = 1,
    DictionaryPage = 2,
    DataPageV2 = 3,
}
