using System.Text;
using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tests.Datasets;

/// <summary>A temporary DVC repository with a gold dataset folder to add.</summary>
internal sealed class DatasetRepo : IDisposable
{
    private readonly TempDirectory _dir = new();

    public DatasetRepo(DatasetOptions? options = null)
    {
        Repository = DvcRepository.Open(_dir.Path, options);
    }

    public string Root => _dir.Path;

    public DvcRepository Repository { get; }

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>gold/bars: bar = "bar", foo = "foo" (DVC's test vector) and a nested file.</summary>
    public string WriteBars()
    {
        Write("gold/bars/bar", "bar");
        Write("gold/bars/foo", "foo");
        return PathOf("gold/bars");
    }

    /// <summary>Overwrites a read-only cache object (bit rot, a careless tool).</summary>
    public static void Corrupt(string path, string text)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        // Cache objects are read-only; the folder is still removable on Unix (the directory is writable).
        _dir.Dispose();
    }
}
