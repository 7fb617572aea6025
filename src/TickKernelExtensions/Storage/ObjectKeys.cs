using System.Text;

namespace TickKernelExtensions.Storage;

/// <summary>Rules for object keys shared by every store.</summary>
public static class ObjectKeys
{
    /// <summary>The longest key S3 accepts, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>
    /// Checks a key: not empty, relative, forward slashes only, no empty, <c>.</c> or <c>..</c> segments, no control
    /// characters, at most 1,024 UTF-8 bytes. Returns it unchanged.
    /// </summary>
    public static string Validate(string key, string? bucket = null)
    {
        var problem = Problem(key);
        if (problem is not null)
        {
            throw new ObjectStoreException(ObjectStoreErrorKind.InvalidKey, $"Invalid object key: {problem}.")
            {
                Bucket = bucket,
                Key = key,
            };
        }
        return key;
    }

    /// <summary>True when <see cref="Validate"/> would accept <paramref name="key"/>.</summary>
    public static bool IsValid(string key) => Problem(key) is null;

    /// <summary>Joins a store's prefix (empty, or ending in '/') and a key.</summary>
    public static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + key;

    /// <summary>Normalises a prefix: no leading slash, and a trailing slash unless empty.</summary>
    public static string NormalizePrefix(string? prefix)
    {
        var p = (prefix ?? "").Trim('/');
        return p.Length == 0 ? "" : p + "/";
    }

    private static string? Problem(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "it is empty";
        }
        if (key.Contains('\\', StringComparison.Ordinal))
        {
            return "it contains a backslash (use '/')";
        }
        if (key.StartsWith('/'))
        {
            return "it starts with '/' (keys are relative to the store's root)";
        }
        if (key.Any(char.IsControl))
        {
            return "it contains a control character";
        }
        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            return $"it is longer than {MaxKeyBytes} UTF-8 bytes";
        }
        foreach (var segment in key.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return $"it has an empty, '.' or '..' segment";
            }
        }
        return null;
    }
}
