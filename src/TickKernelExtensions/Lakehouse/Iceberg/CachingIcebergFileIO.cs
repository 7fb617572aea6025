using System.Collections.Concurrent;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A read-through local cache over a file IO whose S3 files are not local (<see cref="S3IcebergFileIO"/>), for readers
/// that need files on disk (DuckDB has no httpfs here). <see cref="LocalPath(string, long)"/> downloads a remote data or
/// delete file once into <see cref="IcebergFileCacheOptions.Directory"/> — to a hidden temporary file that is flushed,
/// checked against the manifest's <c>file_size_in_bytes</c> and the response's length, then renamed into place — and
/// answers the cached copy afterwards without a request (Iceberg data files are immutable, so a copy never goes stale).
/// A cached copy whose length differs from the manifest's is fetched again. Only files a reader asks for are fetched,
/// so a pruned scan downloads only the files it reads. Metadata, manifests and manifest lists are read through
/// (<see cref="OpenRead"/>), never cached. Locations the inner IO resolves locally pass through. Thread safe; several
/// processes may share one cache folder (renames are atomic, and both writers of a file write the same bytes).
/// </summary>
public sealed class CachingIcebergFileIO : IIcebergFileIO
{
    private readonly IIcebergFileIO _inner;
    private readonly string _root;
    private readonly ConcurrentDictionary<string, object> _locks = new(StringComparer.Ordinal);
    private long _downloads;
    private long _hits;
    private long _refetches;

    /// <param name="inner">The IO that opens remote files (and resolves local ones).</param>
    /// <param name="options">The cache folder (default: <see cref="IcebergFileCacheOptions.DefaultDirectory"/>).</param>
    public CachingIcebergFileIO(IIcebergFileIO inner, IcebergFileCacheOptions? options = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _root = Path.GetFullPath((options ?? new IcebergFileCacheOptions()).Validate().Directory);
    }

    /// <summary>The cache folder (absolute).</summary>
    public string Directory => _root;

    /// <summary>Files downloaded so far (including re-fetches).</summary>
    public long Downloads => Interlocked.Read(ref _downloads);

    /// <summary>Requests answered from the cache without a download.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Cached copies found with the wrong length and fetched again.</summary>
    public long Refetches => Interlocked.Read(ref _refetches);

    /// <inheritdoc />
    public Stream OpenRead(string location) => _inner.OpenRead(location);

    /// <summary>
    /// The cached copy of a remote file, fetched when absent; a copy already present is trusted (it only got there by
    /// an atomic rename after a complete, length-checked download). Local locations pass through.
    /// </summary>
    public string? LocalPath(string location) => _inner.LocalPath(location) ?? Fetch(location, null);

    /// <inheritdoc />
    public string? LocalPath(string location, long expectedLength) => _inner.LocalPath(location) ?? Fetch(location, expectedLength);

    /// <summary>The local path of a location the inner IO resolves to local disk (no cache, no request), else null.</summary>
    public string? PassThroughPath(string location) => _inner.LocalPath(location);

    /// <summary>Where <paramref name="location"/> is (or would be) cached, or null when it is not an S3 location.</summary>
    public string? CachePath(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!S3Location.TryParse(location, out var s3))
        {
            return null;
        }
        if (s3.Key.Length == 0 || !ObjectKeys.IsValid(s3.Key) || s3.Bucket.Contains('\\', StringComparison.Ordinal) || s3.Bucket is "." or "..")
        {
            throw new IcebergException(IcebergErrorKind.Unsupported, "The location cannot be cached: its bucket or key is not a valid relative path.")
            {
                File = location,
                Expected = "s3://bucket/key with no empty, '.' or '..' segments",
            };
        }
        return Path.Combine([_root, "s3", s3.Bucket, .. s3.Key.Split('/')]);
    }

    /// <summary>
    /// Moves a local file that holds exactly the bytes just written to <paramref name="location"/> into the cache (the
    /// writer's own copy of a file it uploaded), so the first read costs no download.
    /// </summary>
    internal void Adopt(string file, string location)
    {
        var path = CachePath(location) ?? throw new ArgumentException($"'{location}' is not an S3 location.", nameof(location));
        lock (_locks.GetOrAdd(path, _ => new object()))
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(file, path, overwrite: true);
        }
    }

    private string? Fetch(string location, long? expectedLength)
    {
        var path = CachePath(location);
        if (path is null)
        {
            return null;
        }
        lock (_locks.GetOrAdd(path, _ => new object()))
        {
            var cached = new FileInfo(path);
            if (cached.Exists)
            {
                if (expectedLength is null || cached.Length == expectedLength)
                {
                    Interlocked.Increment(ref _hits);
                    return path;
                }
                Interlocked.Increment(ref _refetches);
            }
            Download(location, path, expectedLength);
            return path;
        }
    }

    private void Download(string location, string path, long? expectedLength)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            long written;
            long? declared;
            using (var source = _inner.OpenRead(location))
            using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                declared = DeclaredLength(source);
                try
                {
                    source.CopyTo(target, 1 << 16);
                }
                catch (Exception e) when (e is IOException or HttpRequestException)
                {
                    throw new IcebergException(IcebergErrorKind.StorageError, "Downloading the file into the cache failed: " + e.Message, e) { File = location };
                }
                target.Flush(flushToDisk: true);
                written = target.Length;
            }
            if (declared is { } d && d != written)
            {
                throw SizeMismatch(location, "Content-Length", d, written);
            }
            if (expectedLength is { } e2 && e2 != written)
            {
                throw SizeMismatch(location, "file_size_in_bytes", e2, written);
            }
            File.Move(temp, path, overwrite: true);
            Interlocked.Increment(ref _downloads);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static long? DeclaredLength(Stream stream)
    {
        try
        {
            return stream.Length;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static IcebergException SizeMismatch(string location, string field, long expected, long actual) =>
        new(IcebergErrorKind.FileSizeMismatch, "The downloaded file does not have the length its metadata records; the cache keeps nothing.")
        {
            File = location,
            Field = field,
            Expected = expected.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes",
            Actual = actual.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes",
        };
}
