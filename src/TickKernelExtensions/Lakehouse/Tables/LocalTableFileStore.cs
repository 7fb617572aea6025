using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>
/// Table files on local disk: written to a hidden temporary file beside the target, flushed and renamed without
/// replacing (<see cref="AtomicFile"/>). Names are local paths.
/// </summary>
internal sealed class LocalTableFileStore : ITableFileStore
{
    private readonly LocalIcebergFileIO _io = new();

    public string Name(string location) =>
        _io.LocalPath(location) ?? throw new IcebergException(IcebergErrorKind.Unsupported, "Only tables on local disk can be written.") { File = location };

    public string? TryName(string location) => _io.LocalPath(location);

    public bool IsUnder(string name, string root)
    {
        var folder = Name(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return name.StartsWith(folder, StringComparison.Ordinal);
    }

    public void Write(string location, byte[] bytes) => AtomicFile.Write(Name(location), bytes);

    public string TempFileFor(string location)
    {
        var path = Name(location);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return AtomicFile.TempPath(path);
    }

    public void Publish(string tempFile, string location) => AtomicFile.Publish(tempFile, Name(location));

    public long Upload(string localFile, string location)
    {
        var temp = TempFileFor(location);
        var path = Name(location);
        try
        {
            using var source = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            source.CopyTo(target);
            target.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        AtomicFile.Publish(temp, path);
        return new FileInfo(path).Length;
    }

    public void Delete(string name) => File.Delete(name);

    public bool Exists(string name) => File.Exists(name);

    public IReadOnlyList<(string Name, DateTime LastWriteUtc)> List(string root)
    {
        var folder = Name(root);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList()
            : [];
    }

    public void Dispose()
    {
    }
}
