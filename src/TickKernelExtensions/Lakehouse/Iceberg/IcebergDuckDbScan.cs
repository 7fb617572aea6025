namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>The SQL of one table scan (see <see cref="IcebergDuckDbSql.BuildScan"/>).</summary>
/// <param name="Select">A SELECT of the projected columns, files mapped by field id, deletes applied.</param>
/// <param name="Relation">When the files need no mapping and no deletes, a table function reading them directly with every column of the snapshot's schema; else null.</param>
/// <param name="Plan">The files the scan reads and the ones pruned.</param>
public sealed record IcebergDuckDbScan(string Select, string? Relation, IcebergScanPlan Plan);
