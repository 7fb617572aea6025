using System.Text.RegularExpressions;

namespace TickKernelExtensions.Storage;

/// <summary>
/// How to reach an S3 bucket (AWS S3, MinIO, s3rver). Every field has a default; <see cref="Validate"/> reports
/// every bad field at once.
/// </summary>
public sealed partial record S3ObjectStoreOptions
{
    /// <summary>The bucket (3–63 characters: lower-case letters, digits, '.', '-'). Required.</summary>
    public string Bucket { get; init; } = "";

    /// <summary>The key prefix the store is rooted at (default: the bucket's root).</summary>
    public string Prefix { get; init; } = "";

    /// <summary>
    /// The endpoint, e.g. <c>http://127.0.0.1:9000</c> for MinIO. Default: <c>AWS_ENDPOINT_URL_S3</c>, then
    /// <c>AWS_ENDPOINT_URL</c>, else AWS S3 in <see cref="Region"/>.
    /// </summary>
    public string? ServiceUrl { get; init; } =
        Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") is { Length: > 0 } s3 ? s3
        : Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") is { Length: > 0 } any ? any : null;

    /// <summary>The signing region. Default: <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, else <c>us-east-1</c>.</summary>
    public string Region { get; init; } =
        Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } r ? r
        : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 } d ? d : "us-east-1";

    /// <summary>Path-style addressing (<c>endpoint/bucket/key</c>), which S3-compatible servers need. Default true.</summary>
    public bool ForcePathStyle { get; init; } = true;

    /// <summary>
    /// Access key; with <see cref="SecretKey"/> it replaces the SDK's default credential chain (environment,
    /// profile, instance role). Default null: the chain.
    /// </summary>
    public string? AccessKey { get; init; }

    /// <summary>Secret key for <see cref="AccessKey"/>. Never logged.</summary>
    public string? SecretKey { get; init; }

    /// <summary>
    /// Send bodies with <c>aws-chunked</c> streaming signatures (the SDK's default, decoded by AWS S3 and MinIO).
    /// s3rver stores the chunk framing as object bytes, so set false for it: bodies are then signed whole.
    /// </summary>
    public bool UseChunkEncoding { get; init; } = true;

    /// <summary>Retries the SDK itself makes per request (default 3). Set 0 when a caller retries (the replicator does).</summary>
    public int MaxErrorRetry { get; init; } = 3;

    /// <summary>Timeout of one HTTP request (default 5 minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock stamped on what a put returns (the server's time is only known from a later HEAD). Default: system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ObjectStoreException"/> (<see cref="ObjectStoreErrorKind.InvalidConfiguration"/>) naming every bad field.</summary>
    public S3ObjectStoreOptions Validate()
    {
        var problems = new List<string>();
        if (!BucketName().IsMatch(Bucket ?? ""))
        {
            problems.Add($"Bucket: expected 3–63 characters of a-z, 0-9, '.', '-', starting and ending with a letter or digit, actual '{Bucket}'");
        }
        if (ServiceUrl is not null && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            problems.Add($"ServiceUrl: expected an http:// or https:// URL, actual '{ServiceUrl}'");
        }
        if (string.IsNullOrWhiteSpace(Region))
        {
            problems.Add("Region: expected a region name such as us-east-1, actual empty");
        }
        if ((AccessKey is null) != (SecretKey is null))
        {
            problems.Add("AccessKey/SecretKey: expected both or neither, actual only one");
        }
        if (MaxErrorRetry is < 0 or > 20)
        {
            problems.Add($"MaxErrorRetry: expected 0–20, actual {MaxErrorRetry}");
        }
        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"Timeout: expected a positive duration, actual {Timeout}");
        }
        if (problems.Count > 0)
        {
            throw new ObjectStoreException(ObjectStoreErrorKind.InvalidConfiguration,
                "Invalid S3 store options: " + string.Join("; ", problems) + ".") { Bucket = Bucket };
        }
        return this;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
