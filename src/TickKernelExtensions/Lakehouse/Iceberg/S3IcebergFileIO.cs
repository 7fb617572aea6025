using System.Collections.Concurrent;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Reads table files from S3 (<c>s3://</c>, <c>s3a://</c>, <c>s3n://</c>) through <see cref="S3ObjectStore"/>, one store
/// per bucket made on first use from <see cref="S3ObjectStoreOptions"/> (endpoint, region, credentials; bucket and
/// prefix are taken from each location). Every other location goes to a <see cref="LocalIcebergFileIO"/>, which also
/// wins for prefixes it maps to local folders. S3 files are never local (<see cref="LocalPath(string)"/> is null):
/// wrap this in a <see cref="CachingIcebergFileIO"/> for readers that need local files (DuckDB).
/// The interface is synchronous, so requests are awaited on the calling thread (no synchronisation context is
/// involved in the library's callers). A missing object is <see cref="IcebergErrorKind.FileNotFound"/>, any other
/// store failure <see cref="IcebergErrorKind.StorageError"/>, each naming the location. Thread safe.
/// </summary>
public sealed class S3IcebergFileIO : IIcebergFileIO, IDisposable
{
    private readonly S3ObjectStoreOptions _options;
    private readonly LocalIcebergFileIO _local;
    private readonly ConcurrentDictionary<string, Lazy<S3ObjectStore>> _stores = new(StringComparer.Ordinal);

    /// <param name="options">How to reach S3 (default: the environment, see <see cref="S3ObjectStoreOptions"/>).</param>
    /// <param name="local">How non-S3 locations (and S3 prefixes mapped to local copies) are read (default: plain local paths).</param>
    public S3IcebergFileIO(S3ObjectStoreOptions? options = null, LocalIcebergFileIO? local = null)
    {
        _options = options ?? new S3ObjectStoreOptions();
        _local = local ?? new LocalIcebergFileIO();
    }

    /// <inheritdoc />
    public Stream OpenRead(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (_local.LocalPath(location) is not null || !S3Location.TryParse(location, out var s3))
        {
            return _local.OpenRead(location);
        }
        return Call(location, () => Store(s3.Bucket).OpenReadAsync(ObjectKey(s3, location)));
    }

    /// <summary>The object's size and modification time, or null when it does not exist.</summary>
    public ObjectInfo? Head(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!S3Location.TryParse(location, out var s3))
        {
            throw new ArgumentException($"'{location}' is not an S3 location.", nameof(location));
        }
        return Call(location, () => Store(s3.Bucket).HeadAsync(ObjectKey(s3, location)));
    }

    /// <inheritdoc />
    public string? LocalPath(string location) => _local.LocalPath(location);

    /// <summary>True when this IO reads <paramref name="location"/> from S3 (not from a local mapping).</summary>
    public bool IsRemote(string location) => _local.LocalPath(location) is null && S3Location.IsS3(location);

    /// <summary>Disposes the stores made so far.</summary>
    public void Dispose()
    {
        foreach (var store in _stores.Values.Where(s => s.IsValueCreated))
        {
            store.Value.Dispose();
        }
        _stores.Clear();
    }

    private S3ObjectStore Store(string bucket) =>
        _stores.GetOrAdd(bucket, b => new Lazy<S3ObjectStore>(() => S3ObjectStore.Create(_options with { Bucket = b, Prefix = "" }))).Value;

    private static string ObjectKey(S3Location s3, string location) =>
        s3.Key.Length > 0 ? s3.Key : throw new IcebergException(IcebergErrorKind.FileNotFound, "The location names a bucket, not an object.") { File = location };

    private static T Call<T>(string location, Func<Task<T>> request)
    {
        try
        {
            return request().GetAwaiter().GetResult();
        }
        catch (ObjectStoreException e) when (e.Kind == ObjectStoreErrorKind.NotFound)
        {
            throw new IcebergException(IcebergErrorKind.FileNotFound, "The object does not exist.", e) { File = location };
        }
        catch (ObjectStoreException e)
        {
            throw new IcebergException(IcebergErrorKind.StorageError, "Reading from the object store failed: " + e.Message, e) { File = location };
        }
    }
}
