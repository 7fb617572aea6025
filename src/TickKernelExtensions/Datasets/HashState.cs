using System.Collections.Concurrent;
using System.Text.Json;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// Remembered MD5s of workspace files, keyed by path and checked against size and modification time, so unchanged
/// files are not read again (DVC keeps a database of its own for the same reason; tracking-versioning.md §4.7). Kept in
/// <c>.dvc/tmp/tick-hash-state.json</c>, which DVC git-ignores. Like git's index it guards against "racy" entries: an
/// entry whose modification time is within <see cref="RacyWindow"/> of the state file's own is not trusted, because a
/// write in the same timestamp tick right after the hash would leave size and time unchanged. Thread safe.
/// </summary>
internal sealed class HashState
{
    /// <summary>How close to the state file's write time a file's modification time makes its entry untrusted.</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly string? _path;
    private readonly string _root;
    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly long _trustedBeforeTicks;
    private int _dirty;

    private HashState(string? path, string root, ConcurrentDictionary<string, Entry> entries, long trustedBeforeTicks)
    {
        _path = path;
        _root = root;
        _entries = entries;
        _trustedBeforeTicks = trustedBeforeTicks;
    }

    /// <summary>Loads the state of a repository; a missing or unreadable file is an empty state, <paramref name="enabled"/> false a state that remembers nothing.</summary>
    public static HashState Load(string dvcDirectory, string root, bool enabled)
    {
        if (!enabled)
        {
            return new HashState(null, root, new(StringComparer.Ordinal), 0);
        }
        var path = Path.Combine(dvcDirectory, "tmp", "tick-hash-state.json");
        var entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        long trustedBefore = 0;
        try
        {
            if (File.Exists(path))
            {
                var read = JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllBytes(path));
                foreach (var (key, value) in read ?? [])
                {
                    entries[key] = value;
                }
                trustedBefore = File.GetLastWriteTimeUtc(path).Ticks - RacyWindow.Ticks;
            }
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            entries.Clear(); // a damaged state only costs a rehash
        }
        return new HashState(path, root, entries, trustedBefore);
    }

    /// <summary>The MD5 and size of a file: remembered when its size and modification time match a trusted entry, else hashed (and remembered).</summary>
    public async Task<(string Md5, long Size)> HashAsync(string fullPath, int bufferSize, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        var key = Key(fullPath);
        var before = new FileInfo(fullPath);
        var mtime = before.LastWriteTimeUtc.Ticks;
        if (_path is not null && _entries.TryGetValue(key, out var known) && known.Size == before.Length && known.MtimeTicks == mtime && mtime < _trustedBeforeTicks)
        {
            return (known.Md5, known.Size);
        }
        var (md5, size) = await Md5File.HashAsync(fullPath, bufferSize, onBytes, cancellationToken);
        var after = new FileInfo(fullPath);
        if (_path is not null && after.Exists && after.Length == size && after.LastWriteTimeUtc.Ticks == mtime)
        {
            _entries[key] = new Entry(size, mtime, md5);
            Interlocked.Exchange(ref _dirty, 1);
        }
        return (md5, size);
    }

    /// <summary>Writes the state back when something was hashed (atomically; entries for files that no longer exist are dropped).</summary>
    public void Save()
    {
        if (_path is null || Interlocked.Exchange(ref _dirty, 0) == 0)
        {
            return;
        }
        var live = _entries.Where(e => File.Exists(Path.Combine(_root, e.Key))).OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        AtomicText.Replace(_path, JsonSerializer.Serialize(live));
    }

    private string Key(string fullPath) => Path.GetRelativePath(_root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>One remembered file.</summary>
    public sealed record Entry(long Size, long MtimeTicks, string Md5);
}
