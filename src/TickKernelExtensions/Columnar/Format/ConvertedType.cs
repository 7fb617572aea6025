namespace TickKernelExtensions.Columnar.Format;

/// <summary>Parquet's legacy <c>ConvertedType</c> (the ones this writer uses), kept beside the logical type for old readers.</summary>
internal enum ConvertedType
{
    Utf8 = 0,
    TimestampMicros = 10,
}
