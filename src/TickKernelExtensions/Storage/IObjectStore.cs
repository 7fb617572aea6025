namespace TickKernelExtensions.Storage;

/// <summary>
/// Object storage rooted at a location (a local folder, or an S3 bucket and prefix). Keys are relative to
/// that root, with forward slashes. A put is atomic: readers see the old object or the whole new one, never a
/// part. Implementations are thread safe; dispose to release connections.
/// </summary>
public interface IObjectStore : IDisposable
{
    /// <summary>The root as a URI: <c>s3://bucket/prefix/</c> or <c>file:///path/</c>.</summary>
    Uri Location { get; }

    /// <summary>
    /// Checks that the root can be used (the bucket exists and the credentials may list it; a local root is
    /// created). Throws <see cref="ObjectStoreException"/> (<see cref="ObjectStoreErrorKind.BucketNotFound"/>,
    /// <see cref="ObjectStoreErrorKind.AccessDenied"/>, …) otherwise.
    /// </summary>
    Task EnsureAvailableAsync(CancellationToken cancellationToken = default);

    /// <summary>The objects whose key starts with <paramref name="prefix"/>, in key order (ordinal).</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix = "", CancellationToken cancellationToken = default);

    /// <summary>What the store knows about an object, or null when it does not exist.</summary>
    Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens an object (or a byte range of it) for reading. Throws <see cref="ObjectStoreErrorKind.NotFound"/>
    /// when it does not exist. The caller disposes the stream.
    /// </summary>
    Task<Stream> OpenReadAsync(string key, ObjectRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an object from the current position of <paramref name="content"/> to its end, atomically, replacing
    /// any object under the key. <paramref name="content"/> must be seekable (a retry re-sends it); it is not disposed.
    /// </summary>
    Task<ObjectInfo> PutAsync(string key, Stream content, PutOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
