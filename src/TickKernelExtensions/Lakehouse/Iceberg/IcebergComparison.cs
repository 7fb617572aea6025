namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>The comparisons of the scan's predicate model.</summary>
public enum IcebergComparison
{
    Equal,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
