namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>The partition transforms of spec v2.</summary>
public enum IcebergTransformKind
{
    Identity,
    Bucket,
    Truncate,
    Year,
    Month,
    Day,
    Hour,
    Void,
}
