namespace TickKernelExtensions.Datasets;

public sealed partial class DvcRepository
{
    /// <summary>
    /// <c>dvc checkout</c>: makes the workspace hold the recorded version of each tracked output
    /// (<paramref name="targets"/>; default every <c>.dvc</c> file). Files are restored from the cache one at a time
    /// through a temporary file beside the target, whose MD5 is checked before it is renamed over the target, so an
    /// interrupted or failed checkout leaves every file either as it was or fully restored, never half written; a
    /// corrupted cache object is named (<see cref="DatasetErrorKind.CorruptCache"/>) and nothing is written from it.
    /// Files inside a tracked directory that the recorded version lacks are deleted. Before anything changes, every
    /// file that would be overwritten or deleted is checked: unless <paramref name="force"/>, one whose bytes are not
    /// in the cache (uncommitted work) stops the checkout with <see cref="DatasetErrorKind.UncommittedChanges"/>.
    /// </summary>
    public async Task<CheckoutSummary> CheckoutAsync(IEnumerable<string>? targets = null, bool force = false, IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var writes = new List<(string Target, string Md5, long Size)>();
        var deletes = new List<string>();
        var blocked = new List<string>();
        var unchanged = 0;
        var state = HashState.Load(DvcDirectory, Root, Options.UseHashState);
        try
        {
            foreach (var (_, output, full) in Outputs(targets))
            {
                unchanged += await PlanAsync(output, full, force, state, writes, deletes, blocked, cancellationToken);
            }
        }
        finally
        {
            state.Save();
        }
        if (blocked.Count > 0)
        {
            throw new DatasetException(DatasetErrorKind.UncommittedChanges,
                $"Checkout would overwrite or delete {blocked.Count} file(s) whose bytes are not in the cache: {string.Join(", ", blocked.Take(10))}{(blocked.Count > 10 ? ", …" : "")}. Add them first, or force the checkout.")
            {
                File = blocked[0],
            };
        }
        var missing = writes.Where(w => !Cache.Contains(w.Md5)).ToList();
        if (missing.Count > 0)
        {
            throw new DatasetException(DatasetErrorKind.MissingFromCache,
                $"{missing.Count} object(s) needed by the checkout are not in the local cache (pull them from the remote); the first is for {missing[0].Target}.")
            {
                File = Cache.PathOf(missing[0].Md5), Field = "md5", Expected = missing[0].Md5,
            };
        }
        foreach (var path in deletes)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        var counter = new ProgressCounter("checkout", writes.Count, writes.Sum(w => Math.Max(0, w.Size)), progress);
        foreach (var (target, md5, _) in writes)
        {
            await RestoreAsync(md5, target, counter, cancellationToken);
            counter.FileDone(target);
        }
        return new CheckoutSummary(writes.Count, unchanged, deletes.Count, counter.Bytes);
    }

    private async Task<int> PlanAsync(DvcOutput output, string full, bool force, HashState state, List<(string, string, long)> writes, List<string> deletes, List<string> blocked, CancellationToken cancellationToken)
    {
        if (!output.IsDirectory)
        {
            if (Directory.Exists(full))
            {
                (force ? deletes : blocked).Add(full);
            }
            else if (File.Exists(full))
            {
                var (md5, _) = await state.HashAsync(full, Options.BufferSize, null, cancellationToken);
                if (md5 == output.Md5)
                {
                    return 1;
                }
                if (!force && !Cache.Contains(md5))
                {
                    blocked.Add(full);
                }
            }
            writes.Add((full, output.Md5, output.Size ?? -1));
            return 0;
        }
        var manifest = Cache.ReadManifest(output.Md5);
        var workspace = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(full))
        {
            (force ? deletes : blocked).Add(full);
        }
        else if (Directory.Exists(full))
        {
            foreach (var e in await Workspace.HashDirectoryAsync(full, Options, state, null, cancellationToken))
            {
                workspace[e.RelPath] = e.Md5;
            }
        }
        var unchanged = 0;
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in manifest.Entries)
        {
            recorded.Add(e.RelPath);
            var target = Path.Combine(full, e.RelPath.Replace('/', Path.DirectorySeparatorChar));
            if (workspace.TryGetValue(e.RelPath, out var now))
            {
                if (now == e.Md5)
                {
                    unchanged++;
                    continue;
                }
                if (!force && !Cache.Contains(now))
                {
                    blocked.Add(target);
                }
            }
            writes.Add((target, e.Md5, -1));
        }
        foreach (var (rel, md5) in workspace.Where(w => !recorded.Contains(w.Key)))
        {
            var path = Path.Combine(full, rel.Replace('/', Path.DirectorySeparatorChar));
            if (!force && !Cache.Contains(md5))
            {
                blocked.Add(path);
            }
            deletes.Add(path);
        }
        return unchanged;
    }

    /// <summary>Copies a cache object over <paramref name="target"/> atomically, checking its MD5 on the way.</summary>
    private async Task RestoreAsync(string md5, string target, ProgressCounter counter, CancellationToken cancellationToken)
    {
        var source = Cache.PathOf(md5);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var input = Md5File.OpenRead(source, Options.BufferSize))
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, Options.BufferSize, FileOptions.Asynchronous))
            {
                var (actual, _) = await Md5File.CopyAsync(input, output, Options.BufferSize, n => counter.AddBytes(n, target), cancellationToken);
                if (actual != md5)
                {
                    throw DvcCache.Corrupt(source, md5, actual);
                }
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
