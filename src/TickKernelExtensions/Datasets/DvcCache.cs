using TickKernelExtensions.Columnar;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// The local object cache in DVC 3's layout: object <c>acbd18db4cc2f85cedef654fccc4a4d8</c> is the file
/// <c>.dvc/cache/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8</c> (a directory manifest keeps its <c>.dir</c>
/// suffix). Objects are immutable and read-only (mode 0444, DVC's <c>CACHE_MODE</c>: DVC trusts such objects without
/// rehashing them, and deletes ones that do not hash to their name). Each object is written to <c>.dvc/tmp</c>,
/// flushed, made read-only and renamed into place, so a reader never sees part of one; an object already present is
/// never written again. Thread safe.
/// </summary>
public sealed class DvcCache
{
    private const UnixFileMode ReadOnlyMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly int _bufferSize;

    /// <param name="dvcDirectory">The repository's <c>.dvc</c> folder.</param>
    /// <param name="bufferSize">Bytes per read when hashing and copying.</param>
    public DvcCache(string dvcDirectory, int bufferSize = 1 << 20)
    {
        Root = Path.Combine(Path.GetFullPath(dvcDirectory), "cache", "files", "md5");
        TempDirectory = Path.Combine(Path.GetFullPath(dvcDirectory), "tmp");
        _bufferSize = bufferSize;
    }

    /// <summary>The object folder, <c>.dvc/cache/files/md5</c>.</summary>
    public string Root { get; }

    /// <summary>Where objects are staged before the rename (<c>.dvc/tmp</c>, git-ignored by DVC).</summary>
    public string TempDirectory { get; }

    /// <summary>The file of an object id.</summary>
    public string PathOf(string md5)
    {
        if (!DvcFile.IsMd5(md5))
        {
            throw new DatasetException(DatasetErrorKind.InvalidArgument, "Not a DVC object id.") { Field = "md5", Expected = "32 lower-case hex digits (+ .dir)", Actual = $"'{md5}'" };
        }
        return Path.Combine(Root, md5[..2], md5[2..]);
    }

    /// <summary>The key of an object below a remote's URL: <c>files/md5/ac/bd18…</c>.</summary>
    public static string RemoteKey(string md5) => $"files/md5/{md5[..2]}/{md5[2..]}";

    /// <summary>True when the object is in the cache (its bytes are not checked: see <see cref="VerifyAsync"/>).</summary>
    public bool Contains(string md5) => File.Exists(PathOf(md5));

    /// <summary>
    /// Rehashes an object and throws <see cref="DatasetErrorKind.CorruptCache"/> naming it, the expected and the
    /// actual MD5 when its bytes do not hash to its name; <see cref="DatasetErrorKind.MissingFromCache"/> when absent.
    /// </summary>
    public async Task<long> VerifyAsync(string md5, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(md5);
        if (!File.Exists(path))
        {
            throw new DatasetException(DatasetErrorKind.MissingFromCache, "The object is not in the local cache (pull it from the remote).") { File = path, Field = "md5", Expected = md5 };
        }
        var (actual, size) = await Md5File.HashAsync(path, _bufferSize, onBytes, cancellationToken);
        if (actual != Hex(md5))
        {
            throw Corrupt(path, md5, actual);
        }
        return size;
    }

    /// <summary>
    /// Copies a file into the cache as object <paramref name="md5"/>, hashing the copy: when the bytes read do not
    /// hash to <paramref name="md5"/> (the file changed since it was hashed) nothing is stored and
    /// <see cref="DatasetErrorKind.SourceChanged"/> names the file. Returns false when the object was already there.
    /// </summary>
    public async Task<bool> AddFileAsync(string source, string md5, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        if (Contains(md5))
        {
            return false;
        }
        await using var input = Md5File.OpenRead(source, _bufferSize);
        return await AddAsync(input, md5, source, DatasetErrorKind.SourceChanged, onBytes, cancellationToken);
    }

    /// <summary>
    /// Stores the bytes of <paramref name="content"/> as object <paramref name="md5"/> when they hash to it; otherwise
    /// nothing is stored and <paramref name="mismatch"/> is thrown naming <paramref name="origin"/>. Returns false
    /// when the object was already there.
    /// </summary>
    public async Task<bool> AddAsync(Stream content, string md5, string origin, DatasetErrorKind mismatch, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        var final = PathOf(md5);
        if (File.Exists(final))
        {
            return false;
        }
        Directory.CreateDirectory(TempDirectory);
        var temp = Path.Combine(TempDirectory, $"{md5}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, _bufferSize, FileOptions.Asynchronous))
            {
                var (actual, _) = await Md5File.CopyAsync(content, output, _bufferSize, onBytes, cancellationToken);
                if (actual != Hex(md5))
                {
                    throw new DatasetException(mismatch, mismatch == DatasetErrorKind.SourceChanged
                        ? "The file changed while it was being added; nothing was stored."
                        : "The bytes do not hash to the object's name; nothing was stored.")
                    {
                        File = origin, Field = "md5", Expected = Hex(md5), Actual = actual,
                    };
                }
            }
            SetReadOnly(temp);
            var folder = Path.GetDirectoryName(final)!;
            Directory.CreateDirectory(folder);
            try
            {
                File.Move(temp, final, overwrite: false);
            }
            catch (IOException) when (File.Exists(final))
            {
                return false; // another writer stored the same object first: same bytes, nothing to do
            }
            DirectorySync.Flush(folder);
            return true;
        }
        finally
        {
            DeleteTemp(temp);
        }
    }

    /// <summary>Stores bytes already in memory (a directory manifest) as their object.</summary>
    public Task<bool> AddBytesAsync(byte[] bytes, string md5, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream(bytes, writable: false);
        return AddAsync(stream, md5, "(manifest)", DatasetErrorKind.CorruptCache, null, cancellationToken);
    }

    /// <summary>Reads a directory object's manifest, checking its bytes against its name.</summary>
    public DirManifest ReadManifest(string md5)
    {
        var path = PathOf(md5);
        if (!File.Exists(path))
        {
            throw new DatasetException(DatasetErrorKind.MissingFromCache, "The directory manifest is not in the local cache (pull it from the remote).") { File = path, Field = "md5", Expected = md5 };
        }
        var bytes = File.ReadAllBytes(path);
        var manifest = DirManifest.Parse(bytes, path);
        if (manifest.Md5 != md5)
        {
            throw Corrupt(path, md5, manifest.Md5);
        }
        return manifest;
    }

    /// <summary>The MD5 part of an object id (without <c>.dir</c>).</summary>
    internal static string Hex(string md5) => md5.EndsWith(DirManifest.DirSuffix, StringComparison.Ordinal) ? md5[..^DirManifest.DirSuffix.Length] : md5;

    internal static DatasetException Corrupt(string path, string md5, string actual) =>
        new(DatasetErrorKind.CorruptCache, "A corrupted cache object: its bytes do not hash to its name. Delete it and pull or add the data again.")
        {
            File = path, Field = "md5", Expected = Hex(md5), Actual = Hex(actual),
        };

    private static void SetReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, ReadOnlyMode);
        }
    }

    private static void DeleteTemp(string temp)
    {
        if (!File.Exists(temp))
        {
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(temp, FileAttributes.Normal);
        }
        File.Delete(temp);
    }
}
