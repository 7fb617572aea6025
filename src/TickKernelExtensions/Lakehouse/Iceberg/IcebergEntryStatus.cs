namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>A manifest entry's status (field 0). EXISTING and ADDED entries are live; DELETED ones record a removal.</summary>
public enum IcebergEntryStatus
{
    Existing = 0,
    Added = 1,
    Deleted = 2,
}
