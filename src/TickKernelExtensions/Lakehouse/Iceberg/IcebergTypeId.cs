namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>The Iceberg type families (spec "Schemas and Data Types").</summary>
public enum IcebergTypeId
{
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Decimal,
    Date,
    Time,
    Timestamp,
    TimestampTz,
    String,
    Uuid,
    Fixed,
    Binary,
    Struct,
    List,
    Map,
}
