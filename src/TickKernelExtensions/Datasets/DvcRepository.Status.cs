namespace TickKernelExtensions.Datasets;

public sealed partial class DvcRepository
{
    /// <summary>
    /// <c>dvc status</c>: for each tracked output (<paramref name="targets"/>: tracked paths or <c>.dvc</c> files;
    /// default every <c>.dvc</c> file in the repository), whether the workspace holds the recorded version and, for a
    /// directory, which files were added, modified or deleted; also how many recorded objects the local cache lacks.
    /// Every workspace file is hashed (MD5), so this reads the whole dataset.
    /// </summary>
    public async Task<DatasetStatus> StatusAsync(IEnumerable<string>? targets = null, IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckDvcIgnore();
        var result = new List<OutputStatus>();
        var state = HashState.Load(DvcDirectory, Root, Options.UseHashState);
        try
        {
            foreach (var (dvcFile, output, full) in Outputs(targets))
            {
                result.Add(await StatusOfAsync(dvcFile, output, full, state, progress, cancellationToken));
            }
        }
        finally
        {
            state.Save();
        }
        return new DatasetStatus(result);
    }

    private async Task<OutputStatus> StatusOfAsync(string dvcFile, DvcOutput output, string full, HashState state, IProgress<DatasetProgress>? progress, CancellationToken cancellationToken)
    {
        var manifest = output.IsDirectory && Cache.Contains(output.Md5) ? Cache.ReadManifest(output.Md5) : null;
        var missing = !output.IsDirectory
            ? (Cache.Contains(output.Md5) ? 0 : 1)
            : manifest is null ? -1 : manifest.Entries.Select(e => e.Md5).Distinct(StringComparer.Ordinal).Count(m => !Cache.Contains(m));
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            return new OutputStatus(dvcFile, output, OutputState.Deleted, [], missing);
        }
        if (!output.IsDirectory)
        {
            if (Directory.Exists(full))
            {
                return new OutputStatus(dvcFile, output, OutputState.Modified, [new FileChange(output.Path, FileChangeKind.Modified)], missing);
            }
            var counter = new ProgressCounter("status", 1, new FileInfo(full).Length, progress);
            var (md5, _) = await state.HashAsync(full, Options.BufferSize, n => counter.AddBytes(n, output.Path), cancellationToken);
            counter.FileDone(output.Path);
            return md5 == output.Md5
                ? new OutputStatus(dvcFile, output, OutputState.Unchanged, [], missing)
                : new OutputStatus(dvcFile, output, OutputState.Modified, [new FileChange(output.Path, FileChangeKind.Modified)], missing);
        }
        if (!Directory.Exists(full))
        {
            return new OutputStatus(dvcFile, output, OutputState.Modified, [], missing);
        }
        var listed = Workspace.ListFiles(full);
        var dirCounter = new ProgressCounter("status", listed.Count, listed.Sum(f => new FileInfo(f.FullPath).Length), progress);
        var workspace = await Workspace.HashDirectoryAsync(full, Options, state, dirCounter, cancellationToken);
        if (manifest is null)
        {
            // Without the manifest only the directory hash can be compared; the changed files are unknown.
            var same = DirManifest.Create(workspace).Md5 == output.Md5;
            return new OutputStatus(dvcFile, output, same ? OutputState.Unchanged : OutputState.Modified, [], missing);
        }
        var changes = Diff(manifest.Entries, workspace);
        return new OutputStatus(dvcFile, output, changes.Count == 0 ? OutputState.Unchanged : OutputState.Modified, changes, missing);
    }

    /// <summary>The changes that turn <paramref name="recorded"/> into <paramref name="workspace"/>, in relpath order.</summary>
    internal static List<FileChange> Diff(IReadOnlyList<DirEntry> recorded, IReadOnlyList<DirEntry> workspace)
    {
        var was = recorded.ToDictionary(e => e.RelPath, e => e.Md5, StringComparer.Ordinal);
        var now = workspace.ToDictionary(e => e.RelPath, e => e.Md5, StringComparer.Ordinal);
        var changes = new List<FileChange>();
        foreach (var (rel, md5) in now)
        {
            if (!was.TryGetValue(rel, out var old))
            {
                changes.Add(new FileChange(rel, FileChangeKind.Added));
            }
            else if (old != md5)
            {
                changes.Add(new FileChange(rel, FileChangeKind.Modified));
            }
        }
        changes.AddRange(was.Keys.Where(rel => !now.ContainsKey(rel)).Select(rel => new FileChange(rel, FileChangeKind.Deleted)));
        changes.Sort((a, b) => CodePointComparer.Instance.Compare(a.RelPath, b.RelPath));
        return changes;
    }
}
