namespace TickKernelExtensions.Lakehouse.Trino;

/// <summary>
/// A query Trino refused or failed (<see cref="ErrorName"/> set, e.g. <c>TABLE_NOT_FOUND</c>), or a conversation with
/// the coordinator that broke (<see cref="HttpStatus"/> set). The message names the query id, the error and, for
/// syntax and semantic errors, the line and column in the SQL.
/// </summary>
public sealed class TrinoException : Exception
{
    public TrinoException(string message, Exception? inner = null) : base(message, inner) { }

    public TrinoException() : this("Trino error.") { }

    /// <summary>The query id, when Trino assigned one.</summary>
    public string? QueryId { get; init; }

    /// <summary>Trino's error name, e.g. <c>SYNTAX_ERROR</c>, <c>TABLE_NOT_FOUND</c>.</summary>
    public string? ErrorName { get; init; }

    /// <summary>Trino's numeric error code.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>Trino's error type: <c>USER_ERROR</c>, <c>INTERNAL_ERROR</c>, <c>INSUFFICIENT_RESOURCES</c> or <c>EXTERNAL</c>.</summary>
    public string? ErrorType { get; init; }

    /// <summary>1-based line of the error in the SQL, when Trino gives it.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column of the error in the SQL, when Trino gives it.</summary>
    public int? Column { get; init; }

    /// <summary>The HTTP status of a response the protocol does not allow, when that is what went wrong.</summary>
    public int? HttpStatus { get; init; }
}
