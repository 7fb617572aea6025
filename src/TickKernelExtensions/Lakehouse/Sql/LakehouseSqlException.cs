using System.Text;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// The exception type of the embedded SQL engine. <see cref="Kind"/> is machine readable; the message names the table,
/// the file, the engine's own message and the SQL that was run, when they are known.
/// </summary>
public sealed class LakehouseSqlException : Exception
{
    public LakehouseSqlException(LakehouseSqlErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public LakehouseSqlException() : this(LakehouseSqlErrorKind.InvalidSql, "SQL error.") { }

    public LakehouseSqlException(string message) : this(LakehouseSqlErrorKind.InvalidSql, message) { }

    public LakehouseSqlException(string message, Exception inner) : this(LakehouseSqlErrorKind.InvalidSql, message, inner) { }

    /// <summary>Why it failed.</summary>
    public LakehouseSqlErrorKind Kind { get; }

    /// <summary>The catalog table concerned (<c>namespace.table</c>), when known.</summary>
    public string? Table { get; init; }

    /// <summary>The file concerned (e.g. a missing metadata file), when known.</summary>
    public string? File { get; init; }

    /// <summary>The SQL as the caller wrote it, when the error is about a statement.</summary>
    public string? Sql { get; init; }

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var b = new StringBuilder();
            if (Table is not null)
            {
                b.Append(Table).Append(": ");
            }
            b.Append(base.Message);
            if (File is not null && !base.Message.Contains(File, StringComparison.Ordinal))
            {
                b.Append(" (file ").Append(File).Append(')');
            }
            if (Sql is not null)
            {
                b.Append("\nSQL: ").Append(Sql);
            }
            return b.ToString();
        }
    }
}
