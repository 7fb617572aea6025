using System.Runtime.InteropServices;

namespace TickKernelExtensions.Columnar;

/// <summary>
/// Flushes a directory's entries to disk (fsync on the directory), so that a rename survives a crash.
/// .NET has no API for it. On Windows it does nothing: NTFS journals renames. File systems that refuse
/// fsync on directories (EINVAL) are skipped, as there is nothing more to do there.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int InvalidArgument = 22;

    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{directory}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != InvalidArgument)
                {
                    throw new IOException($"Cannot flush directory '{directory}' to disk (errno {errno}).");
                }
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
