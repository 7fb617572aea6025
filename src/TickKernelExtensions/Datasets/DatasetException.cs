
namespace TickKernelExtensions.Datasets;

/// <summary>
/// The one exception type of the dataset-versioning layer. <see cref="Kind"/> is machine readable; the message names
/// the file, the field, and the expected and actual value when there are ones.
/// </summary>
public sealed class DatasetException : Exception
{
    public DatasetException(DatasetErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public DatasetException() : this(DatasetErrorKind.InvalidArgument, "Dataset error.") { }

    public DatasetException(string message) : this(DatasetErrorKind.InvalidArgument, message) { }

    public DatasetException(string message, Exception inner) : this(DatasetErrorKind.InvalidArgument, message, inner) { }

    /// <summary>Why it failed.</summary>
    public DatasetErrorKind Kind { get; }

    /// <summary>The file concerned (a workspace file, a <c>.dvc</c> file, a cache object or a remote key), when known.</summary>
    public string? File { get; init; }

    /// <summary>The field concerned (e.g. <c>md5</c>, <c>outs[0].hash</c>), when known.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(File, base.Message, ErrorText.Field(Field), ErrorText.Expected(Expected), ErrorText.Actual(Actual));
}
