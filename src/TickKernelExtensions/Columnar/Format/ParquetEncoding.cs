namespace TickKernelExtensions.Columnar.Format;

/// <summary>Parquet <c>Encoding</c> (the ones this writer uses).</summary>
internal enum ParquetEncoding
{
    Plain = 0,
    Rle = 3,
    RleDictionary = 8,
}
