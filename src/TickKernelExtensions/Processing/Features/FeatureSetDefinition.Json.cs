using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TickKernelExtensions.Processing.Features;

public sealed partial record FeatureSetDefinition
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The canonical JSON form:
    /// <c>{"name":…,"version":1,"code_version":…,"features":[{"kind":…,"parameters":{name:value,…}},…]}</c>,
    /// parameter values as strings, sorted by name.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("name", Name);
            w.WriteNumber("version", Version);
            w.WriteString("code_version", CodeVersion);
            w.WriteStartArray("features");
            foreach (var f in Features)
            {
                w.WriteStartObject();
                w.WriteString("kind", f.Kind);
                w.WriteStartObject("parameters");
                foreach (var (name, value) in f.Parameters)
                {
                    w.WriteString(name, value);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses the form <see cref="ToJson"/> writes (whitespace and property order are free).</summary>
    /// <exception cref="FormatException">The JSON is malformed or misses a field; the message names it.</exception>
    public static FeatureSetDefinition FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var features = new List<FeatureSpec>();
            foreach (var f in Required(root, "features", JsonValueKind.Array).EnumerateArray())
            {
                var parameters = new List<KeyValuePair<string, string>>();
                if (f.TryGetProperty("parameters", out var p))
                {
                    foreach (var property in p.EnumerateObject())
                    {
                        parameters.Add(new(property.Name, property.Value.GetString()
                            ?? throw new FormatException($"Feature parameter '{property.Name}' is null.")));
                    }
                }
                features.Add(new FeatureSpec(Required(f, "kind", JsonValueKind.String).GetString()!, parameters));
            }
            return new FeatureSetDefinition(
                Required(root, "name", JsonValueKind.String).GetString()!,
                Required(root, "version", JsonValueKind.Number).GetInt32(),
                features,
                Required(root, "code_version", JsonValueKind.String).GetString()!);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"Invalid feature set definition JSON: {e.Message}", e);
        }
    }

    private static JsonElement Required(JsonElement element, string name, JsonValueKind kind)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != kind)
        {
            throw new FormatException($"Feature set definition JSON: '{name}' must be a {kind}.");
        }
        return value;
    }
}
