using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>
/// Table files in one S3 bucket through <see cref="S3ObjectStore"/>. A PUT of a whole object is atomic (readers see
/// the old object or the whole new one), so files are put directly, with no temporary object and no rename; names
/// carry a fresh UUID, so nothing is overwritten. Files DuckDB writes (copy-on-write, compaction) are written to a
/// local temporary file, uploaded, then moved into the read cache, so reading them back costs no download. Names are
/// canonical <c>s3://bucket/key</c> locations (an <c>s3a://</c> location of the same object has the same name).
/// The writer's code is synchronous, so requests are awaited on the calling thread.
/// </summary>
internal sealed class S3TableFileStore : ITableFileStore
{
    private readonly S3ObjectStore _store;
    private readonly CachingIcebergFileIO _cache;
    private readonly string _temp;

    public S3TableFileStore(S3ObjectStoreOptions options, CachingIcebergFileIO cache)
    {
        _store = S3ObjectStore.Create(options with { Prefix = "" });
        _cache = cache;
        _temp = Path.Combine(cache.Directory, ".uploads");
    }

    public string Bucket => _store.Bucket;

    public string Name(string location) =>
        TryName(location) ?? throw new IcebergException(IcebergErrorKind.Unsupported, "Only files in the warehouse's bucket can be written by this writer.")
        {
            File = location,
            Expected = "s3://" + _store.Bucket + "/…",
        };

    public string? TryName(string location) =>
        S3Location.TryParse(location, out var s3) && s3.Bucket == _store.Bucket && s3.Key.Length > 0 ? s3.Canonical : null;

    public bool IsUnder(string name, string root) => name.StartsWith(Name(root).TrimEnd('/') + "/", StringComparison.Ordinal);

    public void Write(string location, byte[] bytes)
    {
        using var content = new MemoryStream(bytes, writable: false);
        Put(location, content);
    }

    public string TempFileFor(string location)
    {
        Directory.CreateDirectory(_temp);
        return Path.Combine(_temp, "." + Guid.NewGuid().ToString("N") + "-" + location[(location.LastIndexOf('/') + 1)..] + ".tmp");
    }

    public void Publish(string tempFile, string location)
    {
        try
        {
            using (var content = new FileStream(tempFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            {
                Put(location, content);
            }
            _cache.Adopt(tempFile, location);
        }
        finally
        {
            File.Delete(tempFile);
        }
    }

    public long Upload(string localFile, string location)
    {
        using var content = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Put(location, content);
        return content.Length;
    }

    public void Delete(string name) => _store.DeleteAsync(Key(name)).GetAwaiter().GetResult();

    public bool Exists(string name) => _store.HeadAsync(Key(name)).GetAwaiter().GetResult() is not null;

    public IReadOnlyList<(string Name, DateTime LastWriteUtc)> List(string root)
    {
        var prefix = Key(Name(root)).TrimEnd('/') + "/";
        return ListAsync(prefix).GetAwaiter().GetResult();
    }

    public void Dispose() => _store.Dispose();

    private async Task<IReadOnlyList<(string Name, DateTime LastWriteUtc)>> ListAsync(string prefix)
    {
        var files = new List<(string, DateTime)>();
        await foreach (var info in _store.ListAsync(prefix))
        {
            files.Add(("s3://" + _store.Bucket + "/" + info.Key, info.LastModified.UtcDateTime));
        }
        return files.OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
    }

    private void Put(string location, Stream content) => _store.PutAsync(Key(Name(location)), content).GetAwaiter().GetResult();

    private string Key(string name) => name["s3://".Length..][(_store.Bucket.Length + 1)..];
}
