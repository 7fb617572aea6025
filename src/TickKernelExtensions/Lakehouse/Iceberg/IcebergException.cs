
namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// The one exception type of the Iceberg format layer. <see cref="Kind"/> is machine readable; the message names the file,
/// field, expected and actual value when they are known.
/// </summary>
public sealed class IcebergException : Exception
{
    public IcebergException(IcebergErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public IcebergException() : this(IcebergErrorKind.InvalidMetadata, "Iceberg error.") { }

    public IcebergException(string message) : this(IcebergErrorKind.InvalidMetadata, message) { }

    public IcebergException(string message, Exception inner) : this(IcebergErrorKind.InvalidMetadata, message, inner) { }

    /// <summary>Why it failed.</summary>
    public IcebergErrorKind Kind { get; }

    /// <summary>The file (location) concerned, when known.</summary>
    public string? File { get; init; }

    /// <summary>The field concerned, when known.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(File, base.Message, ErrorText.Field(Field), ErrorText.Expected(Expected), ErrorText.Actual(Actual, quoted: true));

    /// <summary>Copies this error with the file filled in when it was not known yet.</summary>
    public IcebergException At(string file) =>
        File is not null ? this : new(Kind, base.Message, InnerException) { File = file, Field = Field, Expected = Expected, Actual = Actual };
}
