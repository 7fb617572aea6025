using System.Text;

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
    public override string Message
    {
        get
        {
            var b = new StringBuilder();
            if (File is not null)
            {
                b.Append(File).Append(": ");
            }
            b.Append(base.Message);
            var details = new List<string>(3);
            if (Field is not null)
            {
                details.Add($"field '{Field}'");
            }
            if (Expected is not null)
            {
                details.Add($"expected {Expected}");
            }
            if (Actual is not null)
            {
                details.Add($"actual {Actual}");
            }
            if (details.Count > 0)
            {
                b.Append(" (").Append(string.Join(", ", details)).Append(')');
            }
            return b.ToString();
        }
    }
}
