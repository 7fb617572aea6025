using System.Collections.Concurrent;
using System.Security.Cryptography;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Raw;

/// <summary>
/// The immutable raw zone: <c>&lt;root&gt;/&lt;source&gt;/&lt;path&gt;</c> holds bytes exactly as received,
/// written once. Offering the same bytes again is a no-op; offering different bytes is a
/// <see cref="MarketDataErrorKind.RawConflict"/> error that keeps the original. Each source folder has an
/// append-only manifest (<see cref="RawManifest"/>). Files are written under a temporary name, flushed
/// and renamed, so a crash never leaves a partial file under a final name. Thread safe.
/// </summary>
public sealed class RawZone
{
    private readonly ConcurrentDictionary<string, RawManifest> _manifests = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <param name="root">The zone's folder, by default <c>data/raw</c>.</param>
    /// <param name="time">The clock stamped into manifest lines (default: system clock).</param>
    public RawZone(string root, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The zone's folder (absolute).</summary>
    public string Root { get; }

    /// <summary>The manifest of a source.</summary>
    public RawManifest Manifest(string source) =>
        _manifests.GetOrAdd(CheckSegment(source, nameof(source)), s => new RawManifest(Path.Combine(Root, s, RawManifest.FileName)));

    /// <summary>The absolute path a raw file has (or would have).</summary>
    public string PathOf(string source, string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, CheckSegment(source, nameof(source)), relativePath));
        var folder = Path.Combine(Root, source) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(folder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Raw path '{relativePath}' escapes the source folder.", nameof(relativePath));
        }
        return full;
    }

    /// <summary>True when the raw file exists.</summary>
    public bool Contains(string source, string relativePath) => File.Exists(PathOf(source, relativePath));

    /// <summary>
    /// Stores bytes write-once and appends a manifest line built from <paramref name="provenance"/>
    /// (its verdict becomes <see cref="RawVerdict.Stored"/> or <see cref="RawVerdict.AlreadyStored"/>).
    /// Different bytes for an existing file are recorded as <see cref="RawVerdict.Conflict"/> and thrown.
    /// </summary>
    public RawStoreResult Store(string source, string relativePath, ReadOnlySpan<byte> bytes, RawProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var final = PathOf(source, relativePath);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var result = File.Exists(final) ? Compare(final, sha, bytes.Length) : WriteOnce(final, bytes, sha);
        return Finish(source, relativePath, provenance, final, sha, bytes.Length, result);
    }

    /// <summary>
    /// Stores a copy of a local file write-once, streaming (any size, bounded memory), with the same
    /// rules and manifest line as <see cref="Store"/>.
    /// </summary>
    public async Task<RawStoreResult> StoreFileAsync(
        string source, string relativePath, string sourceFile, RawProvenance provenance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var final = PathOf(source, relativePath);
        var dir = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(final)}.{Guid.NewGuid():N}.tmp");
        try
        {
            string sha;
            long size;
            await using (var input = new FileStream(sourceFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous))
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[1 << 20];
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: true);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                size = output.Length;
            }
            RawStoreResult? result;
            if (File.Exists(final))
            {
                result = Compare(final, sha, size);
            }
            else
            {
                try
                {
                    File.Move(temp, final, overwrite: false);
                    MakeReadOnly(final);
                    result = new RawStoreResult(final, sha, size, Written: true);
                }
                catch (IOException) when (File.Exists(final))
                {
                    result = Compare(final, sha, size);
                }
            }
            return Finish(source, relativePath, provenance, final, sha, size, result);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Appends a manifest line for an outcome that stores nothing (empty, missing, failed, provisional).</summary>
    public void Record(string source, string relativePath, RawProvenance provenance, RawVerdict verdict, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        Record(source, relativePath, provenance, provenance.Sha256, provenance.Size, verdict, detail ?? provenance.Detail);
    }

    /// <summary>Lists the raw files of a source below a folder (relative, forward slashes), sorted.</summary>
    public IEnumerable<string> List(string source, string folder = "")
    {
        var baseDir = Path.Combine(Root, CheckSegment(source, nameof(source)));
        var dir = Path.Combine(baseDir, folder);
        if (!Directory.Exists(dir))
        {
            return [];
        }
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(baseDir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !IsHidden(p))
            .Order(StringComparer.Ordinal);
    }

    private RawStoreResult Finish(
        string source, string relativePath, RawProvenance provenance, string final, string sha, long size, RawStoreResult? result)
    {
        if (result is null)
        {
            var existing = Sha256Of(final);
            Record(source, relativePath, provenance, sha, size, RawVerdict.Conflict,
                $"different bytes offered for an existing raw file; kept the original (sha256 {existing})");
            throw new MarketDataException(MarketDataErrorKind.RawConflict,
                "The raw zone is write-once: different bytes were offered for an existing file, which was kept.")
            {
                File = final,
                Field = "sha256",
                Expected = existing,
                Actual = sha,
            };
        }
        Record(source, relativePath, provenance, sha, size,
            result.Written ? RawVerdict.Stored : RawVerdict.AlreadyStored, provenance.Detail);
        return result;
    }

    private void Record(string source, string relativePath, RawProvenance p, string? sha, long size, RawVerdict verdict, string? detail) =>
        Manifest(source).Append(new RawManifestEntry(
            relativePath.Replace('\\', '/'), p.Url, sha, size, p.HttpStatus, p.Attempts, _time.GetUtcNow(), verdict, detail));

    private static RawStoreResult? Compare(string final, string sha, long size)
    {
        var existing = Sha256Of(final);
        return existing == sha ? new RawStoreResult(final, sha, size, Written: false) : null;
    }

    private static RawStoreResult? WriteOnce(string final, ReadOnlySpan<byte> bytes, string sha)
    {
        var dir = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(final)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temp, final, overwrite: false);
            }
            catch (IOException) when (File.Exists(final))
            {
                // Another writer got there first: identical bytes are fine, different ones a conflict.
                return Compare(final, sha, bytes.Length);
            }
            MakeReadOnly(final);
            return new RawStoreResult(final, sha, bytes.Length, Written: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void MakeReadOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static bool IsHidden(string relative) =>
        relative.Split('/').Any(part => part.StartsWith('.') || part.StartsWith('_'));

    private static string CheckSegment(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Contains('/') || value.Contains('\\') || value is "." or "..")
        {
            throw new ArgumentException($"'{value}' is not a single folder name.", name);
        }
        return value;
    }
}
