using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using TickKernelExtensions.Columnar;

namespace TickKernelExtensions.Storage;

/// <summary>
/// An object store over a local folder: key <c>a/b.bin</c> is the file <c>&lt;root&gt;/a/b.bin</c>. A put streams
/// into a hidden temporary file, flushes it and renames it over the key, so readers never see a partial object.
/// Metadata (the SHA-256 and user metadata) lives in a sidecar, <c>&lt;root&gt;/.objectmeta/&lt;key&gt;.json</c>,
/// written before the data file is renamed and valid only while the file keeps the size and modification time it
/// records. Key segments starting with '.' are reserved for these and not listed.
/// No multipart: a local put has no size limit and nothing to resume. Thread safe.
/// </summary>
public sealed class LocalObjectStore : IObjectStore
{
    private const string MetaFolder = ".objectmeta";

    /// <param name="root">The folder (created on first write).</param>
    public LocalObjectStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Location = new Uri(Path.TrimEndingDirectorySeparator(Root) + Path.DirectorySeparatorChar);
    }

    /// <summary>The root folder (absolute).</summary>
    public string Root { get; }

    /// <inheritdoc />
    public Uri Location { get; }

    /// <inheritdoc />
    public Task EnsureAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            Directory.CreateDirectory(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException(ObjectStoreErrorKind.BucketNotFound, $"The local store's root cannot be created: {e.Message}", e) { Bucket = Root };
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!Directory.Exists(Root))
        {
            yield break;
        }
        // Start from the deepest folder the prefix names, then filter by the full prefix.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? Root : Path.Combine(Root, prefix[..slash]);
        if (!Directory.Exists(start))
        {
            yield break;
        }
        var keys = Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k.Split('/').Any(s => s.StartsWith('.')))
            .Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await HeadAsync(key, cancellationToken) is { } info)
            {
                yield return info;
            }
        }
    }

    /// <inheritdoc />
    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathOf(key));
        if (!file.Exists)
        {
            return Task.FromResult<ObjectInfo?>(null);
        }
        var meta = ReadMeta(key);
        // A sidecar describes the file it was written with (size and modification time, which the rename keeps);
        // after a crash between the two renames, or a file replaced behind the store, the SHA-256 is unknown.
        var sha = meta is not null && meta.Size == file.Length && meta.ModifiedTicks == file.LastWriteTimeUtc.Ticks ? meta.Sha256 : null;
        return Task.FromResult<ObjectInfo?>(new ObjectInfo(key, file.Length, file.LastWriteTimeUtc, null, sha)
        {
            Metadata = meta?.Metadata ?? new Dictionary<string, string>(),
        });
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string key, ObjectRange? range = null, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectStoreException(ObjectStoreErrorKind.NotFound, "No such object.", e) { Bucket = Root, Key = key };
        }
        if (range is not { } r)
        {
            return Task.FromResult<Stream>(stream);
        }
        stream.Seek(Math.Min(r.Offset, stream.Length), SeekOrigin.Begin);
        var length = Math.Max(0, Math.Min(r.Length ?? long.MaxValue, stream.Length - stream.Position));
        return Task.FromResult<Stream>(new RangeReadStream(stream, length));
    }

    /// <inheritdoc />
    public async Task<ObjectInfo> PutAsync(string key, Stream content, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new PutOptions();
        var final = PathOf(key);
        var dir = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(final)}.{Guid.NewGuid():N}.tmp");
        try
        {
            string sha;
            long size;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[1 << 20];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: true);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                size = output.Length;
            }
            if (options.Sha256 is { } expected && !string.Equals(expected, sha, StringComparison.OrdinalIgnoreCase))
            {
                throw new ObjectStoreException(ObjectStoreErrorKind.IntegrityMismatch, "The bytes written do not have the SHA-256 the caller stated; nothing was stored.")
                {
                    Bucket = Root, Key = key, Field = "sha256", Expected = expected, Actual = sha,
                };
            }
            WriteMeta(key, new LocalMeta(sha, size, File.GetLastWriteTimeUtc(temp).Ticks, new Dictionary<string, string>(options.Metadata)));
            File.Move(temp, final, overwrite: true);
            DirectorySync.Flush(dir);
            var info = await HeadAsync(key, cancellationToken);
            return info ?? throw new ObjectStoreException(ObjectStoreErrorKind.Failed, "The object vanished right after it was written.") { Bucket = Root, Key = key };
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        File.Delete(MetaPathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>The file that holds a key.</summary>
    public string PathOf(string key)
    {
        ObjectKeys.Validate(key, Root);
        if (key.Split('/').Any(s => s.StartsWith('.')))
        {
            throw new ObjectStoreException(ObjectStoreErrorKind.InvalidKey,
                "Invalid object key: segments starting with '.' are reserved for temporary files and metadata in a local store.")
            {
                Bucket = Root,
                Key = key,
            };
        }
        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <inheritdoc />
    public void Dispose() { }

    private string MetaPathOf(string key) => Path.Combine(Root, MetaFolder, key.Replace('/', Path.DirectorySeparatorChar) + ".json");

    private LocalMeta? ReadMeta(string key)
    {
        var path = MetaPathOf(key);
        try
        {
            return JsonSerializer.Deserialize<LocalMeta>(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    private void WriteMeta(string key, LocalMeta meta)
    {
        var path = MetaPathOf(key);
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, meta);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private sealed record LocalMeta(string Sha256, long Size, long ModifiedTicks, Dictionary<string, string> Metadata);
}
