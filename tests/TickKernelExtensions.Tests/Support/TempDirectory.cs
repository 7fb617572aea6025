using System.Text;

namespace TickKernelExtensions.Tests.Support;

/// <summary>A fresh folder under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tke-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A path below the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>The full path of <paramref name="name"/> in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes lines joined by <paramref name="newline"/> (with a final newline unless <paramref name="finalNewline"/> is false).</summary>
    public string Write(string name, IEnumerable<string> lines, string newline = "\n", bool finalNewline = true) =>
        WriteText(name, string.Join(newline, lines) + (finalNewline ? newline : ""));

    /// <summary>Writes text as UTF-8 without a byte order mark.</summary>
    public string WriteText(string name, string text, Encoding? encoding = null)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A reader left open by a failing test: the temp folder is the OS's to clean.
        }
    }
}
