
namespace TickKernelExtensions.Storage;

/// <summary>
/// The one exception type of the storage layer. <see cref="Kind"/> is machine readable; the message names
/// the store, bucket, key, HTTP status and, for integrity errors, the field with its expected and actual value.
/// </summary>
public sealed class ObjectStoreException : Exception
{
    public ObjectStoreException(ObjectStoreErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public ObjectStoreException() : this(ObjectStoreErrorKind.Failed, "Object store error.") { }

    public ObjectStoreException(string message) : this(ObjectStoreErrorKind.Failed, message) { }

    public ObjectStoreException(string message, Exception inner) : this(ObjectStoreErrorKind.Failed, message, inner) { }

    /// <summary>Why it failed.</summary>
    public ObjectStoreErrorKind Kind { get; }

    /// <summary>The bucket (S3) or root folder (local), when known.</summary>
    public string? Bucket { get; init; }

    /// <summary>The object key, when known.</summary>
    public string? Key { get; init; }

    /// <summary>The HTTP status the server answered with, when there was one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The server's error code (e.g. <c>NoSuchBucket</c>), when there was one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The field concerned (size, sha256, etag), when known.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <summary>True for failures worth retrying (<see cref="ObjectStoreErrorKind.Transient"/>).</summary>
    public bool IsTransient => Kind == ObjectStoreErrorKind.Transient;

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(
        Bucket is null && Key is null ? null : Bucket + (Bucket is not null && Key is not null ? "/" : "") + Key,
        base.Message,
        StatusCode is null ? null : $"HTTP {StatusCode}",
        ErrorCode,
        ErrorText.Field(Field),
        ErrorText.Expected(Expected),
        ErrorText.Actual(Actual));
}
