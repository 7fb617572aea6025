using System.Globalization;
using System.Text;
using TickKernelExtensions.Datasets;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// The flat <c>meta.yaml</c> files of MLflow's file store, as PyYAML's <c>safe_dump</c> writes them: one
/// <c>key: value</c> line per field, keys sorted, strings plain unless they would read as another type
/// (<c>experiment_id: '0'</c>, <c>entry_point_name: ''</c>), <c>null</c> for None, integers bare.
/// </summary>
internal static class MetaYaml
{
    /// <summary>A string field.</summary>
    public static string Str(string? value) => value is null ? "null" : YamlScalar.Format(value);

    /// <summary>An integer field, or <c>null</c>.</summary>
    public static string Int(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    /// <summary>The text of a meta.yaml from fields whose values are already YAML (see <see cref="Str"/>, <see cref="Int"/>).</summary>
    public static string Write(IEnumerable<(string Key, string Yaml)> fields)
    {
        var b = new StringBuilder();
        foreach (var (key, yaml) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            b.Append(key).Append(": ").Append(yaml).Append('\n');
        }
        return b.ToString();
    }

    /// <summary>Reads a flat meta.yaml into key → scalar (null for YAML null; sequences and mappings as their text).</summary>
    public static Dictionary<string, string?> Read(string path)
    {
        try
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path, Encoding.UTF8))
            {
                stream.Load(reader);
            }
            var result = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                throw new TrackingException(TrackingErrorKind.InvalidFormat, "expected a mapping of fields") { File = path };
            }
            foreach (var (k, v) in map.Children)
            {
                var key = ((YamlScalarNode)k).Value!;
                result[key] = v switch
                {
                    YamlScalarNode s when s.Style == ScalarStyle.Plain && s.Value is "null" or "~" or "" => null,
                    YamlScalarNode s => s.Value,
                    _ => v.ToString(),
                };
            }
            return result;
        }
        catch (YamlException e)
        {
            throw new TrackingException(TrackingErrorKind.InvalidFormat, $"not valid YAML: {e.Message}", e) { File = path };
        }
    }

    /// <summary>The field <paramref name="key"/>, or an error naming the file and the field.</summary>
    public static string Required(Dictionary<string, string?> meta, string key, string path) =>
        meta.TryGetValue(key, out var v) && v is not null
            ? v
            : throw new TrackingException(TrackingErrorKind.InvalidFormat, $"field '{key}' is missing") { File = path };

    /// <summary>An integer field, or null when absent or null.</summary>
    public static long? OptionalLong(Dictionary<string, string?> meta, string key, string path)
    {
        if (!meta.TryGetValue(key, out var v) || v is null)
        {
            return null;
        }
        return long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new TrackingException(TrackingErrorKind.InvalidFormat, $"field '{key}': expected an integer, actual '{v}'") { File = path };
    }
}
