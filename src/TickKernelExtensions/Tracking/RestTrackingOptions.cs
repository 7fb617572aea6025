using System.Collections;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// How a <see cref="RestTrackingStore"/> reaches an MLflow tracking server. Every field has a documented default;
/// <see cref="Validate"/> reports every bad field at once. <see cref="ToString"/> never prints the credentials.
/// </summary>
public sealed record RestTrackingOptions
{
    /// <summary>The server, e.g. <c>http://mlflow:5000</c> (<c>MLFLOW_TRACKING_URI</c>); requests go to <c>{uri}/api/2.0/mlflow/…</c>.</summary>
    public required Uri TrackingUri { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> (<c>MLFLOW_TRACKING_TOKEN</c>); when set, username and password are ignored, as in MLflow's client. Default none.</summary>
    public string? Token { get; init; }

    /// <summary>Basic authentication user (<c>MLFLOW_TRACKING_USERNAME</c>, e.g. for <c>mlflow server --app-name basic-auth</c>). Default none.</summary>
    public string? Username { get; init; }

    /// <summary>Basic authentication password (<c>MLFLOW_TRACKING_PASSWORD</c>). Default none.</summary>
    public string? Password { get; init; }

    /// <summary>Attempts per request on HTTP 429, 5xx, timeouts and connection failures (default 5; 1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the first retry, doubled each time up to <see cref="MaxBackoff"/> (default 0.5 s); a <c>Retry-After</c> header wins when longer.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts (default 30 s).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of one attempt (default 120 s; artifact uploads included).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The clock for backoff waits (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The HTTP handler (default null: a new <see cref="SocketsHttpHandler"/>); tests and proxies plug in here.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>True when <paramref name="uri"/> names a tracking server (http or https) rather than a local folder.</summary>
    public static bool IsServerUri(string? uri) =>
        uri is not null && (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Options from <c>MLFLOW_TRACKING_URI</c>, <c>MLFLOW_TRACKING_TOKEN</c>, <c>MLFLOW_TRACKING_USERNAME</c> and
    /// <c>MLFLOW_TRACKING_PASSWORD</c> (<paramref name="environment"/> default: the process environment);
    /// <paramref name="trackingUri"/> overrides the URI. Null when there is no http(s) URI.
    /// </summary>
    public static RestTrackingOptions? FromEnvironment(string? trackingUri = null, IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        string? Get(string name) => environment[name] is string s && s.Length > 0 ? s : null;
        var uri = trackingUri ?? Get("MLFLOW_TRACKING_URI");
        return IsServerUri(uri)
            ? new RestTrackingOptions
            {
                TrackingUri = new Uri(uri!),
                Token = Get("MLFLOW_TRACKING_TOKEN"),
                Username = Get("MLFLOW_TRACKING_USERNAME"),
                Password = Get("MLFLOW_TRACKING_PASSWORD"),
            }
            : null;
    }

    /// <summary>Throws <see cref="TrackingException"/> (<see cref="TrackingErrorKind.InvalidArgument"/>) naming every bad field.</summary>
    public RestTrackingOptions Validate()
    {
        var problems = new List<string>();
        if (!IsServerUri(TrackingUri.OriginalString))
        {
            problems.Add($"TrackingUri: expected an http(s) URI, actual '{TrackingUri.Scheme}:'");
        }
        if (MaxAttempts is < 1 or > 20)
        {
            problems.Add($"MaxAttempts: expected 1 to 20, actual {MaxAttempts}");
        }
        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            problems.Add($"InitialBackoff/MaxBackoff: expected 0 <= initial <= max, actual {InitialBackoff} and {MaxBackoff}");
        }
        if (RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"RequestTimeout: expected a positive time, actual {RequestTimeout}");
        }
        if (Token is null && (Username is null) != (Password is null))
        {
            problems.Add("Username/Password: expected both or neither");
        }
        if (problems.Count > 0)
        {
            throw new TrackingException(TrackingErrorKind.InvalidArgument, "Invalid tracking server options: " + string.Join("; ", problems) + ".");
        }
        return this;
    }

    /// <summary>The server URI without user info or query (safe to print and to key state by).</summary>
    public string DisplayUri => $"{TrackingUri.Scheme}://{TrackingUri.Authority}{TrackingUri.AbsolutePath}".TrimEnd('/');

    /// <summary>The URI and the kind of authentication, never the secrets.</summary>
    public override string ToString() =>
        $"RestTrackingOptions {{ TrackingUri = {DisplayUri}, Auth = {(Token is not null ? "bearer" : Username is not null ? "basic" : "none")} }}";
}
