using System.Text;
using System.Text.Json;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// A directory's <c>.dir</c> object, byte for byte as dvc-data writes it: <c>json.dumps(entries, sort_keys=True)</c>
/// of <c>{"md5": …, "relpath": …}</c> objects sorted by relpath (code-point order), Python's default separators
/// (<c>", "</c> and <c>": "</c>), ASCII only, no trailing newline. Its MD5 plus <c>.dir</c> is the directory's hash.
/// </summary>
public sealed class DirManifest
{
    /// <summary>The suffix DVC appends to a directory's hash.</summary>
    public const string DirSuffix = ".dir";

    private DirManifest(IReadOnlyList<DirEntry> entries, byte[] bytes)
    {
        Entries = entries;
        Bytes = bytes;
        Md5 = Md5File.Of(bytes) + DirSuffix;
    }

    /// <summary>The files, sorted by relpath in code-point order.</summary>
    public IReadOnlyList<DirEntry> Entries { get; }

    /// <summary>The manifest's bytes (the cache object's content).</summary>
    public byte[] Bytes { get; }

    /// <summary>The directory's hash: the manifest's MD5 followed by <c>.dir</c>.</summary>
    public string Md5 { get; }

    /// <summary>The sum of the files' sizes (-1 when a size is unknown).</summary>
    public long Size => Entries.Any(e => e.Size < 0) ? -1 : Entries.Sum(e => e.Size);

    /// <summary>Builds the manifest of <paramref name="entries"/> (sorted here; duplicate relpaths are an error).</summary>
    public static DirManifest Create(IEnumerable<DirEntry> entries)
    {
        var sorted = entries.OrderBy(e => e.RelPath, CodePointComparer.Instance).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].RelPath == sorted[i - 1].RelPath)
            {
                throw new DatasetException(DatasetErrorKind.InvalidArgument, "A directory manifest lists the same file twice.") { Field = "relpath", Actual = sorted[i].RelPath };
            }
        }
        var b = new StringBuilder(sorted.Count * 80 + 2);
        b.Append('[');
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }
            b.Append("{\"md5\": ");
            PythonJson.AppendString(b, sorted[i].Md5);
            b.Append(", \"relpath\": ");
            PythonJson.AppendString(b, sorted[i].RelPath);
            b.Append('}');
        }
        b.Append(']');
        return new DirManifest(sorted, Encoding.ASCII.GetBytes(b.ToString()));
    }

    /// <summary>
    /// Reads a <c>.dir</c> object. The entries are taken as written (md5 and relpath; other keys, which older DVC
    /// versions wrote, are ignored) and <see cref="Md5"/> is that of the bytes read; <paramref name="file"/> names the
    /// object in errors.
    /// </summary>
    public static DirManifest Parse(ReadOnlySpan<byte> bytes, string file)
    {
        var entries = new List<DirEntry>();
        try
        {
            using var doc = JsonDocument.Parse(bytes.ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(file, "$", "a JSON array", doc.RootElement.ValueKind.ToString());
            }
            var i = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("md5", out var md5) || md5.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("relpath", out var rel) || rel.ValueKind != JsonValueKind.String)
                {
                    throw Invalid(file, $"[{i}]", "an object with string md5 and relpath", item.GetRawText());
                }
                entries.Add(new DirEntry(rel.GetString()!, md5.GetString()!));
                i++;
            }
        }
        catch (JsonException e)
        {
            throw new DatasetException(DatasetErrorKind.InvalidFormat, $"Not a JSON directory manifest: {e.Message}", e) { File = file };
        }
        return new DirManifest(entries.OrderBy(e => e.RelPath, CodePointComparer.Instance).ToList(), bytes.ToArray());
    }

    private static DatasetException Invalid(string file, string field, string expected, string actual) =>
        new(DatasetErrorKind.InvalidFormat, "Not a DVC directory manifest.") { File = file, Field = field, Expected = expected, Actual = actual };
}
