using System.Collections.Concurrent;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Parsed metadata files, manifest lists, manifests and Parquet schemas, kept per process. Iceberg never rewrites
/// these files (a commit writes new ones), so a parse can be reused; the key still includes the file's size and
/// modification time, so a file replaced by hand, or deleted, is read again (and a missing one reported). Only files
/// on local disk are kept. Bounded: when full, the cache starts over. Thread safe.
/// </summary>
internal static class IcebergReadCache
{
    /// <summary>Entries kept at most.</summary>
    public const int Capacity = 2048;

    private static readonly ConcurrentDictionary<(string Kind, string Path, long Length, DateTime Modified, string Variant), object> Entries = new();

    /// <summary>
    /// The cached value of <paramref name="read"/> for this file, or the result of calling it. <paramref name="variant"/>
    /// distinguishes parses of the same file that depend on more than its bytes.
    /// </summary>
    public static T GetOrRead<T>(IIcebergFileIO io, string location, string kind, string variant, Func<T> read)
        where T : class
    {
        // A caching IO's copies of remote files are not the source of truth (the object may be gone): remote files are
        // read through every time, as before this cache.
        var local = io is CachingIcebergFileIO caching ? caching.PassThroughPath(location) : io.LocalPath(location);
        if (local is not { } path)
        {
            return read();
        }
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return read();
        }
        var key = (kind, info.FullName, info.Length, info.LastWriteTimeUtc, variant);
        if (Entries.TryGetValue(key, out var hit))
        {
            return (T)hit;
        }
        var value = read();
        if (Entries.Count >= Capacity)
        {
            Entries.Clear();
        }
        Entries[key] = value;
        return value;
    }
}
