using System.IO.Compression;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Rewrites a zip so equal contents give equal bytes: entries sorted by name (ordinal), every timestamp
/// 1980-01-01 00:00 (the DOS epoch), optimal deflate. ML.NET's model zips carry the save time in their entries'
/// timestamps, so two saves of the same model differ only there; after this they are identical.
/// </summary>
internal static class DeterministicZip
{
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalize(ReadOnlySpan<byte> zip)
    {
        var entries = new List<(string Name, byte[] Data)>();
        using (var input = new ZipArchive(new MemoryStream(zip.ToArray()), ZipArchiveMode.Read))
        {
            foreach (var entry in input.Entries)
            {
                using var data = entry.Open();
                using var buffer = new MemoryStream();
                data.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = Epoch;
                using var stream = entry.Open();
                stream.Write(data);
            }
        }
        return output.ToArray();
    }
}
