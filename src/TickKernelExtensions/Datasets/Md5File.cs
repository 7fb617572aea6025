using System.Security.Cryptography;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// MD5 of raw bytes, as DVC 3 computes it for <c>hash: md5</c> (no CRLF rewriting: that was 2.x's
/// <c>md5-dos2unix</c>). Streams in fixed chunks, so memory stays bounded for files of any size.
/// </summary>
internal static class Md5File
{
    /// <summary>Lower-case hex MD5 and length of a file; <paramref name="onBytes"/> is called after each chunk.</summary>
    public static async Task<(string Md5, long Size)> HashAsync(string path, int bufferSize, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        await using var stream = OpenRead(path, bufferSize);
        return await HashAsync(stream, bufferSize, onBytes, cancellationToken);
    }

    /// <summary>Hashes a stream from its current position to its end.</summary>
    public static async Task<(string Md5, long Size)> HashAsync(Stream stream, int bufferSize, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[bufferSize];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            size += read;
            onBytes?.Invoke(read);
        }
        return (Convert.ToHexStringLower(md5.GetHashAndReset()), size);
    }

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="target"/> while hashing it; flushes the target to disk.
    /// </summary>
    public static async Task<(string Md5, long Size)> CopyAsync(Stream source, FileStream target, int bufferSize, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[bufferSize];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            size += read;
            onBytes?.Invoke(read);
        }
        await target.FlushAsync(cancellationToken);
        target.Flush(flushToDisk: true);
        return (Convert.ToHexStringLower(md5.GetHashAndReset()), size);
    }

    /// <summary>MD5 of bytes in memory (manifests).</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>Opens a file for one sequential read, sharing it with other readers.</summary>
    public static FileStream OpenRead(string path, int bufferSize) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
