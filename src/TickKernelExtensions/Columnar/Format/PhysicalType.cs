namespace TickKernelExtensions.Columnar.Format;

/// <summary>Parquet <c>Type</c>: how values are stored on disk.</summary>
internal enum PhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Int96 = 3,
    Float = 4,
    Double = 5,
    ByteArray = 6,
    FixedLenByteArray = 7,
}
