namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>
/// Writes files so a reader sees either nothing or the whole file: bytes go to a hidden temporary file in the same
/// folder, are flushed to disk, and the file is renamed into place without replacing an existing one (Iceberg
/// files are immutable; a name clash is an error, never an overwrite).
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = TempPath(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: false);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Replaces <paramref name="path"/> (or creates it) the same way — temporary file, flush, rename — for the few
    /// mutable bookkeeping files beside the tables (e.g. what was published), never for Iceberg files.
    /// </summary>
    public static void Replace(string path, ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = TempPath(Path.GetFullPath(path));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Moves a finished temporary file into place (no overwrite).</summary>
    public static void Publish(string temp, string path)
    {
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A hidden temporary name beside <paramref name="path"/>.</summary>
    public static string TempPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
}
