namespace TickKernelExtensions.Datasets;

public sealed partial class DvcRepository
{
    /// <summary>
    /// <c>dvc add PATH</c>: hashes a file or directory (MD5, streaming), stores every file as a read-only cache object
    /// (deduplicated: an object already cached is not written again) plus, for a directory, its <c>.dir</c> manifest,
    /// writes <c>PATH.dvc</c> (DVC 3 layout, with <paramref name="lineage"/> under <c>meta</c> when given) and appends
    /// <c>/name</c> to the <c>.gitignore</c> beside it. Initialises the repository when needed. The workspace files
    /// are left where they are.
    /// </summary>
    public async Task<AddResult> AddAsync(string path, DatasetLineage? lineage = null, IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        CheckInside(full);
        if (full.EndsWith(DvcFile.Extension, StringComparison.Ordinal))
        {
            throw new DatasetException(DatasetErrorKind.InvalidArgument, "A .dvc file cannot itself be tracked.") { File = full };
        }
        var isDirectory = Directory.Exists(full);
        if (!isDirectory && !File.Exists(full))
        {
            throw new DatasetException(DatasetErrorKind.NotFound, "No such file or directory to add.") { File = full };
        }
        for (var parent = Path.GetDirectoryName(full); parent is not null && parent.Length > Root.Length; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent + DvcFile.Extension))
            {
                throw new DatasetException(DatasetErrorKind.InvalidArgument, "The path is inside a tracked directory; add that directory again instead (DVC refuses overlapping outputs too).")
                {
                    File = full, Expected = "a path outside tracked outputs", Actual = $"inside {parent} (tracked by {parent + DvcFile.Extension})",
                };
            }
        }
        Init();
        CheckDvcIgnore();
        var state = HashState.Load(DvcDirectory, Root, Options.UseHashState);
        var name = Path.GetFileName(full);
        DvcOutput output;
        int files, stored = 0;
        long bytes;
        if (isDirectory)
        {
            var listed = Workspace.ListFiles(full);
            if (listed.FirstOrDefault(f => Path.GetFileName(f.FullPath) == ".dvcignore") is { FullPath: not null } ignore)
            {
                // dvc-data's build refuses the same (IgnoreInCollectedDirError).
                throw new DatasetException(DatasetErrorKind.InvalidArgument, ".dvcignore file should not be in collected dir path.") { File = ignore.FullPath };
            }
            var counter = new ProgressCounter("add", listed.Count, listed.Sum(f => new FileInfo(f.FullPath).Length), progress);
            var entries = await Workspace.HashDirectoryAsync(full, Options, state, counter, cancellationToken);
            // One copy per distinct content: two files with the same bytes are one object, and storing it from two
            // workers at once would race (both see it missing; both count it as stored).
            var distinct = entries.GroupBy(e => e.Md5, StringComparer.Ordinal).Select(g => g.First()).ToList();
            await Parallel.ForEachAsync(distinct, new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = cancellationToken }, async (e, ct) =>
            {
                var source = Path.Combine(full, e.RelPath.Replace('/', Path.DirectorySeparatorChar));
                if (await Cache.AddFileAsync(source, e.Md5, null, ct))
                {
                    Interlocked.Increment(ref stored);
                }
            });
            var manifest = DirManifest.Create(entries);
            if (await Cache.AddBytesAsync(manifest.Bytes, manifest.Md5, cancellationToken))
            {
                stored++;
            }
            files = entries.Count;
            bytes = entries.Sum(e => e.Size);
            output = new DvcOutput(name, manifest.Md5, bytes, files);
        }
        else
        {
            var counter = new ProgressCounter("add", 1, new FileInfo(full).Length, progress);
            var (md5, size) = await state.HashAsync(full, Options.BufferSize, n => counter.AddBytes(n, name), cancellationToken);
            if (await Cache.AddFileAsync(full, md5, null, cancellationToken))
            {
                stored++;
            }
            counter.FileDone(name);
            files = 1;
            bytes = size;
            output = new DvcOutput(name, md5, size, null);
        }
        state.Save();
        var dvcFile = full + DvcFile.Extension;
        AtomicText.Replace(dvcFile, new DvcFile([output], lineage).ToYaml());
        if (Options.WriteGitIgnore)
        {
            GitIgnoreFile.Ensure(Path.Combine(Path.GetDirectoryName(full)!, ".gitignore"), "/" + name);
        }
        return new AddResult(dvcFile, output, files, stored, bytes);
    }
}
