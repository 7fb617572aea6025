namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// An object location as Iceberg metadata writes it: <c>s3://bucket/key</c>, or the Hadoop spellings
/// <c>s3a://</c> and <c>s3n://</c> of the same object.
/// </summary>
/// <param name="Scheme">The scheme as written (<c>s3</c>, <c>s3a</c> or <c>s3n</c>), lower case.</param>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The key inside the bucket (may be empty for the bucket's root).</param>
public sealed record S3Location(string Scheme, string Bucket, string Key)
{
    /// <summary>Parses <paramref name="location"/>; false when it is not an S3 location.</summary>
    public static bool TryParse(string location, out S3Location result)
    {
        ArgumentNullException.ThrowIfNull(location);
        result = null!;
        var colon = location.IndexOf("://", StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }
        var scheme = location[..colon].ToLowerInvariant();
        if (scheme is not ("s3" or "s3a" or "s3n"))
        {
            return false;
        }
        var rest = location[(colon + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            return false;
        }
        result = new S3Location(scheme, bucket, slash < 0 ? "" : rest[(slash + 1)..]);
        return true;
    }

    /// <summary>True when <paramref name="location"/> is an <c>s3://</c>, <c>s3a://</c> or <c>s3n://</c> location.</summary>
    public static bool IsS3(string location) => TryParse(location, out _);

    /// <summary>The canonical spelling, <c>s3://bucket/key</c> (the scheme Trino, Spark and pyiceberg all accept).</summary>
    public string Canonical => "s3://" + Bucket + "/" + Key;

    /// <inheritdoc />
    public override string ToString() => Scheme + "://" + Bucket + "/" + Key;
}
