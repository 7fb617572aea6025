using System.Security.Cryptography;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Datasets;

public sealed partial class DvcRepository
{
    /// <summary>
    /// <c>dvc push</c>: sends the cache objects of the tracked outputs (<paramref name="targets"/>; default every
    /// <c>.dvc</c> file) to the remote (<paramref name="remoteName"/>; default <c>core.remote</c>) at
    /// <c>&lt;url&gt;/files/md5/xx/…</c>. Only objects the remote lacks (or holds with another size) are sent; each is
    /// rehashed first, so a corrupted cache object is named (<see cref="DatasetErrorKind.CorruptCache"/>) and never
    /// uploaded, and the stored size and, where the server reports it, the MD5 ETag are checked after the put.
    /// A directory's <c>.dir</c> manifest is sent after all its files, so a remote that has the manifest has the data.
    /// </summary>
    public async Task<TransferSummary> PushAsync(IEnumerable<string>? targets = null, string? remoteName = null, IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var remote = OpenRemote(remoteName);
        return await PushAsync(remote, targets, progress, cancellationToken);
    }

    /// <summary><see cref="PushAsync(IEnumerable{string}, string, IProgress{DatasetProgress}, CancellationToken)"/> to a store the caller opened.</summary>
    public async Task<TransferSummary> PushAsync(IObjectStore remote, IEnumerable<string>? targets, IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var files = new HashSet<string>(StringComparer.Ordinal);
        var dirs = new List<string>();
        foreach (var (_, output, _) in Outputs(targets))
        {
            if (output.IsDirectory)
            {
                files.UnionWith(Cache.ReadManifest(output.Md5).Entries.Select(e => e.Md5));
                dirs.Add(output.Md5);
            }
            else
            {
                files.Add(output.Md5);
            }
        }
        var all = files.Concat(dirs.Distinct(StringComparer.Ordinal)).ToList();
        var counter = new ProgressCounter("push", all.Count, all.Sum(m => File.Exists(Cache.PathOf(m)) ? new FileInfo(Cache.PathOf(m)).Length : 0), progress);
        var sent = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = cancellationToken };
        // Files first, manifests last: a remote that has a directory's manifest has all its files.
        foreach (var batch in new[] { files.ToList(), dirs.Distinct(StringComparer.Ordinal).ToList() })
        {
            await Parallel.ForEachAsync(batch, parallel, async (md5, ct) =>
            {
                if (await PushObjectAsync(remote, md5, counter, ct))
                {
                    Interlocked.Increment(ref sent);
                }
                counter.FileDone(md5);
            });
        }
        return new TransferSummary(remote.Location.ToString(), all.Count, sent, all.Count - sent, counter.Bytes);
    }

    private async Task<bool> PushObjectAsync(IObjectStore remote, string md5, ProgressCounter counter, CancellationToken cancellationToken)
    {
        var path = Cache.PathOf(md5);
        if (!File.Exists(path))
        {
            throw new DatasetException(DatasetErrorKind.MissingFromCache, "The object is not in the local cache, so it cannot be pushed (add or pull the data first).") { File = path, Field = "md5", Expected = md5 };
        }
        var key = DvcCache.RemoteKey(md5);
        var size = new FileInfo(path).Length;
        if (await remote.HeadAsync(key, cancellationToken) is { } existing && existing.Size == size)
        {
            return false;
        }
        string actual, sha256;
        await using (var verify = Md5File.OpenRead(path, Options.BufferSize))
        {
            using var md5Hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            using var shaHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[Options.BufferSize];
            int read;
            while ((read = await verify.ReadAsync(buffer, cancellationToken)) > 0)
            {
                md5Hash.AppendData(buffer, 0, read);
                shaHash.AppendData(buffer, 0, read);
            }
            actual = Convert.ToHexStringLower(md5Hash.GetHashAndReset());
            sha256 = Convert.ToHexStringLower(shaHash.GetHashAndReset());
        }
        if (actual != DvcCache.Hex(md5))
        {
            throw DvcCache.Corrupt(path, md5, actual);
        }
        ObjectInfo info;
        await using (var content = Md5File.OpenRead(path, Options.BufferSize))
        {
            info = remote is IMultipartObjectStore multipart && size >= Options.MultipartThreshold
                ? await PutInPartsAsync(multipart, key, content, sha256, cancellationToken)
                : await remote.PutAsync(key, content, new PutOptions { Sha256 = sha256 }, cancellationToken);
        }
        if (info.Size != size)
        {
            throw new DatasetException(DatasetErrorKind.CorruptRemote, "The remote stored another number of bytes than were sent.") { File = RemoteName(remote, key), Field = "size", Expected = size.ToString(System.Globalization.CultureInfo.InvariantCulture), Actual = info.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
        if (info.ETag is { Length: 32 } etag && etag.All(char.IsAsciiHexDigit) && !string.Equals(etag, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new DatasetException(DatasetErrorKind.CorruptRemote, "The remote's MD5 (ETag) of the stored object differs from the object's.") { File = RemoteName(remote, key), Field = "etag", Expected = actual, Actual = etag };
        }
        counter.AddBytes(size, md5);
        return true;
    }

    /// <summary>
    /// <c>dvc fetch</c>: brings the objects of the tracked outputs the local cache lacks from the remote (directory
    /// manifests first, then their files), each checked against its MD5 before it is stored read-only; an object
    /// missing on the remote or whose bytes do not hash to its name is named (<see cref="DatasetErrorKind.CorruptRemote"/>)
    /// and not stored. The workspace is not touched.
    /// </summary>
    public async Task<TransferSummary> FetchAsync(IObjectStore remote, IEnumerable<string>? targets, IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var outputs = Outputs(targets);
        var fetched = 0;
        var counter0 = new ProgressCounter("pull", 0, 0, null);
        var files = new HashSet<string>(StringComparer.Ordinal);
        var dirs = 0;
        foreach (var (_, output, _) in outputs)
        {
            if (!output.IsDirectory)
            {
                files.Add(output.Md5);
                continue;
            }
            dirs++;
            if (await FetchObjectAsync(remote, output.Md5, counter0, cancellationToken))
            {
                fetched++;
            }
            files.UnionWith(Cache.ReadManifest(output.Md5).Entries.Select(e => e.Md5));
        }
        var counter = new ProgressCounter("pull", files.Count, outputs.Sum(o => o.Output.Size ?? 0), progress);
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = cancellationToken }, async (md5, ct) =>
        {
            if (await FetchObjectAsync(remote, md5, counter, ct))
            {
                Interlocked.Increment(ref fetched);
            }
            counter.FileDone(md5);
        });
        var total = files.Count + dirs;
        return new TransferSummary(remote.Location.ToString(), total, fetched, total - fetched, counter.Bytes + counter0.Bytes);
    }

    /// <summary>
    /// <c>dvc pull</c>: <see cref="FetchAsync"/> from the remote (<paramref name="remoteName"/>; default
    /// <c>core.remote</c>), then <see cref="CheckoutAsync"/> of the same targets.
    /// </summary>
    public async Task<TransferSummary> PullAsync(IEnumerable<string>? targets = null, string? remoteName = null, bool force = false, IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var remote = OpenRemote(remoteName);
        return await PullAsync(remote, targets, force, progress, cancellationToken);
    }

    /// <summary><see cref="PullAsync(IEnumerable{string}, string, bool, IProgress{DatasetProgress}, CancellationToken)"/> from a store the caller opened.</summary>
    public async Task<TransferSummary> PullAsync(IObjectStore remote, IEnumerable<string>? targets, bool force = false, IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var list = targets?.ToList();
        var fetched = await FetchAsync(remote, list, progress, cancellationToken);
        var checkout = await CheckoutAsync(list, force, progress, cancellationToken);
        return fetched with { Checkout = checkout };
    }

    private async Task<bool> FetchObjectAsync(IObjectStore remote, string md5, ProgressCounter counter, CancellationToken cancellationToken)
    {
        if (Cache.Contains(md5))
        {
            return false;
        }
        var key = DvcCache.RemoteKey(md5);
        Stream stream;
        try
        {
            stream = await remote.OpenReadAsync(key, null, cancellationToken);
        }
        catch (ObjectStoreException e) when (e.Kind == ObjectStoreErrorKind.NotFound)
        {
            throw new DatasetException(DatasetErrorKind.CorruptRemote, "The object is not on the remote (push it from a machine whose cache has it).", e) { File = RemoteName(remote, key), Field = "md5", Expected = md5 };
        }
        await using (stream)
        {
            return await Cache.AddAsync(stream, md5, RemoteName(remote, key), DatasetErrorKind.CorruptRemote, n => counter.AddBytes(n, md5), cancellationToken);
        }
    }

    private static string RemoteName(IObjectStore remote, string key) => remote.Location.ToString().TrimEnd('/') + "/" + key;
}
