namespace TickKernelExtensions.Replication;

/// <summary>A file of the source folder.</summary>
/// <param name="Path">Relative to the source, forward slashes: also the object key below the destination.</param>
/// <param name="FullPath">The absolute path.</param>
/// <param name="Size">Bytes.</param>
/// <param name="ModifiedTicks">Last-write time, UTC ticks.</param>
internal sealed record SourceFile(string Path, string FullPath, long Size, long ModifiedTicks)
{
    /// <summary>
    /// Files whose name starts with '_' (the raw zone's append-only <c>_manifest.jsonl</c>) may change: a changed one is
    /// uploaded again. Every other file is write-once: a change is an error.
    /// </summary>
    public bool Mutable => System.IO.Path.GetFileName(Path).StartsWith('_');

    /// <summary>Every file below <paramref name="root"/>, except hidden ones (a '.' segment: temporary files), in ordinal order.</summary>
    public static IReadOnlyList<SourceFile> Enumerate(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(full => (Full: full, Rel: System.IO.Path.GetRelativePath(root, full).Replace(System.IO.Path.DirectorySeparatorChar, '/')))
            .Where(f => !f.Rel.Split('/').Any(s => s.StartsWith('.')))
            .Select(f =>
            {
                var info = new FileInfo(f.Full);
                return new SourceFile(f.Rel, f.Full, info.Length, info.LastWriteTimeUtc.Ticks);
            })
            .OrderBy(f => f.Path, StringComparer.Ordinal)];
}
