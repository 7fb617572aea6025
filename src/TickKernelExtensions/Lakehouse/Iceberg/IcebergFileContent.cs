namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>What a file in a manifest holds (<c>data_file.content</c>, field 134).</summary>
public enum IcebergFileContent
{
    Data = 0,
    PositionDeletes = 1,
    EqualityDeletes = 2,
}
