
namespace TickKernelExtensions.Replication;

/// <summary>
/// The exception type of the replication layer: <see cref="Kind"/> is machine readable; the message names the
/// file, field, expected and actual value when known.
/// </summary>
public sealed class ReplicationException : Exception
{
    public ReplicationException(ReplicationErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public ReplicationException() : this(ReplicationErrorKind.UploadFailed, "Replication failed.") { }

    public ReplicationException(string message) : this(ReplicationErrorKind.UploadFailed, message) { }

    public ReplicationException(string message, Exception inner) : this(ReplicationErrorKind.UploadFailed, message, inner) { }

    /// <summary>Why it failed.</summary>
    public ReplicationErrorKind Kind { get; }

    /// <summary>The file (relative to the source) or manifest concerned, when known.</summary>
    public string? File { get; init; }

    /// <summary>The field concerned (sha256, size, destination), when known.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(File, base.Message, ErrorText.Field(Field), ErrorText.Expected(Expected), ErrorText.Actual(Actual));
}
