namespace TickKernelExtensions.Storage;

/// <summary>
/// Where a store lives: <c>s3://bucket/prefix</c>, <c>file:///path</c>, or a local path (relative to the
/// current folder).
/// </summary>
/// <param name="Bucket">The bucket for S3, null for a local store.</param>
/// <param name="Prefix">The key prefix inside the bucket ("" or ending in '/'), empty for a local store.</param>
/// <param name="LocalPath">The absolute folder for a local store, null for S3.</param>
public sealed record ObjectStoreUri(string? Bucket, string Prefix, string? LocalPath)
{
    /// <summary>True for S3.</summary>
    public bool IsS3 => Bucket is not null;

    /// <summary>Parses a location; throws <see cref="ObjectStoreException"/> (<see cref="ObjectStoreErrorKind.InvalidConfiguration"/>) for a bad one.</summary>
    public static ObjectStoreUri Parse(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = location[(location.IndexOf("://", StringComparison.Ordinal) + 3)..];
            var slash = rest.IndexOf('/');
            var bucket = slash < 0 ? rest : rest[..slash];
            var prefix = ObjectKeys.NormalizePrefix(slash < 0 ? "" : rest[(slash + 1)..]);
            new S3ObjectStoreOptions { Bucket = bucket, ServiceUrl = null }.Validate();
            if (prefix.Length > 0)
            {
                ObjectKeys.Validate(prefix.TrimEnd('/'), bucket);
            }
            return new ObjectStoreUri(bucket, prefix, null);
        }
        if (location.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || !uri.IsFile)
            {
                throw new ObjectStoreException(ObjectStoreErrorKind.InvalidConfiguration,
                    $"'{location}' is not a file URI (expected file:///absolute/path).");
            }
            return new ObjectStoreUri(null, "", Path.GetFullPath(uri.LocalPath));
        }
        if (location.Contains("://", StringComparison.Ordinal))
        {
            throw new ObjectStoreException(ObjectStoreErrorKind.InvalidConfiguration,
                $"'{location}' has an unsupported scheme (expected s3://bucket/prefix, file:///path or a local path).");
        }
        return new ObjectStoreUri(null, "", Path.GetFullPath(location));
    }

    /// <summary>The location as a URI string.</summary>
    public override string ToString() => IsS3 ? $"s3://{Bucket}/{Prefix}" : new Uri(LocalPath!).AbsoluteUri;
}
