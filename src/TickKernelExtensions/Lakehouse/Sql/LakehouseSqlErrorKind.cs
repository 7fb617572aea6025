namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>Why a <see cref="LakehouseSqlException"/> was thrown (machine readable).</summary>
public enum LakehouseSqlErrorKind
{
    /// <summary>DuckDB refused or failed the SQL (syntax, binding, a runtime error); the message carries DuckDB's.</summary>
    InvalidSql,

    /// <summary>The SQL names a table the catalog does not hold; the message lists the tables it does.</summary>
    UnknownTable,

    /// <summary>A referenced table's metadata or files could not be read (a missing metadata file is named).</summary>
    TableUnreadable,

    /// <summary>A time-travel clause or option does not resolve (bad syntax, or no such snapshot, timestamp or ref).</summary>
    InvalidTimeTravel,
}
