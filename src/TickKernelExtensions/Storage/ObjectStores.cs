namespace TickKernelExtensions.Storage;

/// <summary>Opens a store from a location string.</summary>
public static class ObjectStores
{
    /// <summary>
    /// Opens <c>s3://bucket/prefix</c> as an <see cref="S3ObjectStore"/> (endpoint, region and credentials from
    /// <paramref name="s3"/>, whose bucket and prefix are replaced by the URI's; default: the environment) or a
    /// local path / <c>file://</c> URI as a <see cref="LocalObjectStore"/>. No request is made.
    /// </summary>
    public static IObjectStore Open(string location, S3ObjectStoreOptions? s3 = null)
    {
        var uri = ObjectStoreUri.Parse(location);
        return uri.IsS3
            ? S3ObjectStore.Create((s3 ?? new S3ObjectStoreOptions()) with { Bucket = uri.Bucket!, Prefix = uri.Prefix })
            : new LocalObjectStore(uri.LocalPath!);
    }
}
