using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// <c>manifest.json</c>: <c>{"format", "name", "version", "content_sha256", "files": [{"path", "size", "sha256"}…]}</c>,
/// files in ordinal path order, every bundle file but the manifest itself.
/// </summary>
public static class ModelBundleManifest
{
    /// <summary>
    /// The bundle's identity: the lower-case hex SHA-256 of the UTF-8 lines <c>"&lt;sha256&gt; &lt;size&gt; &lt;path&gt;\n"</c>
    /// of every file but <c>MLmodel</c>, in ordinal path order. <c>MLmodel</c> is left out because it holds the creation
    /// time and a uuid derived from this hash, so re-exporting the same model, data and settings later gives the same
    /// identity (its bytes are still checked against the manifest).
    /// </summary>
    public static string ContentHash(IEnumerable<ModelBundleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var b = new StringBuilder();
        foreach (var f in files.Where(f => f.Path != ModelBundleLayout.MlModel).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            b.Append(f.Sha256).Append(' ').Append(f.Size.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(f.Path).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(b.ToString())));
    }

    /// <summary>The entry of a file's bytes.</summary>
    public static ModelBundleFile Describe(string path, ReadOnlySpan<byte> bytes) =>
        new(path, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    internal static byte[] Write(string name, string version, string contentHash, IEnumerable<ModelBundleFile> files) =>
        BundleJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", ModelBundleLayout.Format);
            w.WriteString("name", name);
            w.WriteString("version", version);
            w.WriteString("content_sha256", contentHash);
            w.WriteStartArray("files");
            foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteNumber("size", f.Size);
                w.WriteString("sha256", f.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    internal static (string Name, string Version, string ContentHash, IReadOnlyList<ModelBundleFile> Files) Read(byte[] bytes)
    {
        const string file = ModelBundleLayout.Manifest;
        using var doc = BundleJson.Parse(bytes, file);
        var root = doc.RootElement;
        var format = BundleJson.String(root, "format", file);
        if (format != ModelBundleLayout.Format)
        {
            throw BundleJson.Malformed(file, "format", $"\"{ModelBundleLayout.Format}\"", $"\"{format}\"");
        }
        var files = new List<ModelBundleFile>();
        foreach (var f in BundleJson.Property(root, "files", JsonValueKind.Array, file).EnumerateArray())
        {
            var path = BundleJson.String(f, "path", file);
            if (path.Length == 0 || path != Path.GetFileName(path) || path is "." or ".." or ModelBundleLayout.Manifest)
            {
                throw BundleJson.Malformed(file, "files.path", "a file name inside the bundle folder", $"'{path}'");
            }
            files.Add(new ModelBundleFile(path, BundleJson.Property(f, "size", JsonValueKind.Number, file).GetInt64(), BundleJson.String(f, "sha256", file)));
        }
        return (BundleJson.String(root, "name", file), BundleJson.String(root, "version", file), BundleJson.String(root, "content_sha256", file), files);
    }
}
