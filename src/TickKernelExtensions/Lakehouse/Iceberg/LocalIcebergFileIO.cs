namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Resolves table locations to local files: <c>file:</c> URIs and plain paths directly, and location prefixes
/// remapped to local folders (e.g. <c>s3://bucket/</c> and <c>s3a://bucket/</c> → a folder holding the bucket's
/// copy), which is how tables written elsewhere are read from disk. Longest matching prefix wins.
/// </summary>
public sealed class LocalIcebergFileIO : IIcebergFileIO
{
    private readonly List<KeyValuePair<string, string>> _prefixes;

    /// <param name="prefixes">Location prefix → local folder.</param>
    public LocalIcebergFileIO(IReadOnlyDictionary<string, string>? prefixes = null)
    {
        _prefixes = (prefixes ?? new Dictionary<string, string>())
            .Select(p => KeyValuePair.Create(p.Key, Path.GetFullPath(p.Value)))
            .OrderByDescending(p => p.Key.Length)
            .ToList();
    }

    /// <summary>Maps <c>s3://bucket/</c>, <c>s3a://bucket/</c> and <c>s3n://bucket/</c> to <paramref name="folder"/>.</summary>
    public static LocalIcebergFileIO ForBucket(string bucket, string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        return new(new Dictionary<string, string>
        {
            ["s3://" + bucket + "/"] = folder,
            ["s3a://" + bucket + "/"] = folder,
            ["s3n://" + bucket + "/"] = folder,
        });
    }

    /// <inheritdoc />
    public Stream OpenRead(string location)
    {
        var path = LocalPath(location)
            ?? throw new IcebergException(IcebergErrorKind.FileNotFound, "The location is not on local disk and no prefix mapping covers it.")
            {
                File = location,
                Expected = "a file: URI, a local path or one of the prefixes " + string.Join(", ", _prefixes.Select(p => p.Key)),
            };
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IcebergException(IcebergErrorKind.FileNotFound,
                path == location ? "File not found." : "File not found (resolved to " + path + ").", e)
            {
                File = location,
            };
        }
    }

    /// <inheritdoc />
    public string? LocalPath(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        foreach (var (prefix, folder) in _prefixes)
        {
            if (location.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Path.Combine(folder, Uri.UnescapeDataString(location[prefix.Length..]).Replace('/', Path.DirectorySeparatorChar));
            }
        }
        if (location.StartsWith("file:", StringComparison.Ordinal))
        {
            var rest = location["file:".Length..];
            // file:/p, file:///p and file://localhost/p all name /p.
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                rest = rest[2..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                rest = slash < 0 ? "/" : rest[slash..];
            }
            return Uri.UnescapeDataString(rest);
        }
        return Path.IsPathRooted(location) && !location.Contains("://", StringComparison.Ordinal) ? location : null;
    }
}
