namespace TickKernelExtensions.Storage;

/// <summary>Options of one put (single request or multipart).</summary>
public sealed record PutOptions
{
    /// <summary>
    /// Lower-case hex SHA-256 of the whole object. When set it is stored as metadata (<c>sha256</c>) and, for a
    /// single-request put to S3, sent as the request checksum the server verifies.
    /// </summary>
    public string? Sha256 { get; init; }

    /// <summary>Further user metadata (names lower case, ASCII values).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The content type (default <c>application/octet-stream</c>).</summary>
    public string ContentType { get; init; } = "application/octet-stream";
}
