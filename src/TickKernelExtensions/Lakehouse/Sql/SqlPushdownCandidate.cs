using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// One conjunct of a WHERE clause that may prune a table's files: <c>column op constant</c>, with the constant as
/// DuckDB SQL text (a literal, possibly under casts) still to be evaluated against the column's type.
/// </summary>
internal sealed record SqlPushdownCandidate(string Column, IcebergComparison Op, string ConstantSql);
