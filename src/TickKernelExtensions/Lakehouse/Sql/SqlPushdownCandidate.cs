using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// One conjunct of a WHERE clause that may prune a table's files: <c>column op constant</c>, with the constant as
/// DuckDB SQL text (a literal, possibly under casts) still to be evaluated against the column's type, and, when it is
/// a literal under at most one cast, that literal's DuckDB type, text and cast target (so common forms are evaluated
/// without a round trip, see <see cref="SqlLiteral"/>).
/// </summary>
internal sealed record SqlPushdownCandidate(string Column, IcebergComparison Op, string ConstantSql)
{
    /// <summary>The literal's DuckDB type id (<c>VARCHAR</c>, <c>INTEGER</c>, …), when the constant is a plain literal.</summary>
    public string? LiteralType { get; init; }

    /// <summary>The literal's value as text (a string's characters, a number's JSON text).</summary>
    public string? LiteralText { get; init; }

    /// <summary>The one cast around the literal, if any (<c>TIMESTAMP WITH TIME ZONE</c>, <c>DATE</c>, …).</summary>
    public string? CastType { get; init; }
}
