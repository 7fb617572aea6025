using System.Text;

namespace TickKernelExtensions.Tests.Ingest.Csv;

/// <summary>A fresh folder under the system temp path, deleted on dispose; writes the small CSV inputs of a test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "csv-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The full path of <paramref name="name"/> in the folder.</summary>
    public string File(string name) => Path.Combine(Root, name);

    /// <summary>Writes lines joined by <paramref name="newline"/> (with a final newline unless <paramref name="finalNewline"/> is false).</summary>
    public string Write(string name, IEnumerable<string> lines, string newline = "\n", bool finalNewline = true)
    {
        var text = string.Join(newline, lines) + (finalNewline ? newline : "");
        return WriteText(name, text);
    }

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
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A reader left open by a failing test; the temp folder is the OS's to clean.
        }
    }
}
