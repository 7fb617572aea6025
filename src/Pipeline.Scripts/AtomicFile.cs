using System.Text;

namespace Pipeline.Scripts;

/// <summary>Writes files so that a reader, or a run killed half-way, never sees half a file.</summary>
internal static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no byte order mark) to a temporary file beside <paramref name="path"/>, then renames it over.</summary>
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
