using System.Text;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// The one exception type of the tracking layer. <see cref="Kind"/> is machine readable; the message names the file or
/// the REST endpoint, the HTTP status and MLflow's <c>error_code</c> when there are ones. Credentials never appear in it.
/// </summary>
public sealed class TrackingException : Exception
{
    public TrackingException(TrackingErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public TrackingException() : this(TrackingErrorKind.InvalidArgument, "Tracking error.") { }

    public TrackingException(string message) : this(TrackingErrorKind.InvalidArgument, message) { }

    public TrackingException(string message, Exception inner) : this(TrackingErrorKind.InvalidArgument, message, inner) { }

    /// <summary>Why it failed.</summary>
    public TrackingErrorKind Kind { get; }

    /// <summary>The file concerned (a <c>meta.yaml</c>, a metric file), when known.</summary>
    public string? File { get; init; }

    /// <summary>The REST endpoint concerned, e.g. <c>POST /api/2.0/mlflow/runs/log-batch</c>, when known.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The HTTP status the server answered, when there was an answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>MLflow's <c>error_code</c> (e.g. <c>RESOURCE_DOES_NOT_EXIST</c>), when the server sent one.</summary>
    public string? ErrorCode { get; init; }

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
            if (Endpoint is not null)
            {
                b.Append(Endpoint);
                if (StatusCode is { } status)
                {
                    b.Append(" -> HTTP ").Append(status);
                }
                if (ErrorCode is not null)
                {
                    b.Append(' ').Append(ErrorCode);
                }
                b.Append(": ");
            }
            return b.Append(base.Message).ToString();
        }
    }
}
