namespace TickKernelExtensions.Storage;

/// <summary>
/// What a store knows about one object without reading it.
/// </summary>
/// <param name="Key">The key relative to the store's root, with forward slashes.</param>
/// <param name="Size">Bytes.</param>
/// <param name="LastModified">When the object was last written (UTC).</param>
/// <param name="ETag">The server's entity tag without quotes (S3: the MD5 of a single-part object); null for local files.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the whole object as recorded in its metadata when it was put, or null when unknown.</param>
public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified, string? ETag, string? Sha256)
{
    /// <summary>User metadata (S3 <c>x-amz-meta-*</c> without the prefix), lower-case names.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
