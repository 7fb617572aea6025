using System.Collections.Concurrent;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// Lists and hashes workspace files the way DVC sees them: every regular file below a directory except inside
/// <c>.git</c>, <c>.hg</c> and <c>.dvc</c> folders (DVC's built-in ignores), with '/' relative paths.
/// </summary>
internal static class Workspace
{
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.Ordinal) { ".git", ".hg", ".dvc" };

    /// <summary>The files below <paramref name="directory"/>: relative path ('/') and full path.</summary>
    public static List<(string RelPath, string FullPath)> ListFiles(string directory)
    {
        var result = new List<(string, string)>();
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo sub)
                {
                    if (!IgnoredFolders.Contains(sub.Name) && sub.LinkTarget is null)
                    {
                        pending.Push(sub.FullName);
                    }
                }
                else if (entry.Name != ".git")
                {
                    result.Add((Path.GetRelativePath(directory, entry.FullName).Replace(Path.DirectorySeparatorChar, '/'), entry.FullName));
                }
            }
        }
        result.Sort((a, b) => CodePointComparer.Instance.Compare(a.Item1, b.Item1));
        return result;
    }

    /// <summary>Hashes the files of a directory with bounded concurrency; entries come back in relpath order.</summary>
    public static async Task<List<DirEntry>> HashDirectoryAsync(string directory, DatasetOptions options, HashState state, ProgressCounter? counter, CancellationToken cancellationToken)
    {
        var files = ListFiles(directory);
        var entries = new ConcurrentBag<DirEntry>();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (f, ct) =>
        {
            var (md5, size) = await state.HashAsync(f.FullPath, options.BufferSize, n => counter?.AddBytes(n, f.RelPath), ct);
            entries.Add(new DirEntry(f.RelPath, md5, size));
            counter?.FileDone(f.RelPath);
        });
        return entries.OrderBy(e => e.RelPath, CodePointComparer.Instance).ToList();
    }
}
