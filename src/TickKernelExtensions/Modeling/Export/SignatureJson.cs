using System.Text.Json;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// <c>signature.json</c>:
/// <c>{"format", "vector_column", "vector_length", "inputs": [{"name", "type": "float"}…], "outputs": [{"name", "type"}…],
/// "feature_set": {"name", "version", "sha256"}}</c>.
/// </summary>
internal static class SignatureJson
{
    public static byte[] Write(ModelSignature signature, IReadOnlyList<string> outputs, FeatureSetDefinition featureSet, string featureSetSha256) =>
        BundleJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", ModelBundleLayout.Format);
            w.WriteString("vector_column", signature.VectorColumn);
            w.WriteNumber("vector_length", signature.VectorLength);
            w.WriteStartArray("inputs");
            foreach (var column in signature.InputColumns)
            {
                Column(w, column);
            }
            w.WriteEndArray();
            w.WriteStartArray("outputs");
            foreach (var column in outputs)
            {
                Column(w, column);
            }
            w.WriteEndArray();
            w.WriteStartObject("feature_set");
            w.WriteString("name", featureSet.Name);
            w.WriteNumber("version", featureSet.Version);
            w.WriteString("sha256", featureSetSha256);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    /// <summary>The signature, its outputs and the feature set's recorded sha256.</summary>
    public static (ModelSignature Signature, IReadOnlyList<string> Outputs, string FeatureSetSha256) Read(byte[] bytes)
    {
        const string file = ModelBundleLayout.Signature;
        using var doc = BundleJson.Parse(bytes, file);
        var root = doc.RootElement;
        var inputs = Columns(root, "inputs");
        var length = BundleJson.Int(root, "vector_length", file);
        if (length != inputs.Count)
        {
            throw BundleJson.Malformed(file, "vector_length", $"{inputs.Count} (the number of inputs)", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var signature = new ModelSignature(inputs, BundleJson.String(root, "vector_column", file));
        var featureSet = BundleJson.Property(root, "feature_set", JsonValueKind.Object, file);
        return (signature, Columns(root, "outputs"), BundleJson.String(featureSet, "sha256", file));
    }

    private static void Column(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("type", ModelSignature.FloatType);
        w.WriteEndObject();
    }

    private static List<string> Columns(JsonElement root, string name)
    {
        const string file = ModelBundleLayout.Signature;
        var result = new List<string>();
        var i = 0;
        foreach (var column in BundleJson.Property(root, name, JsonValueKind.Array, file).EnumerateArray())
        {
            var field = $"{name}[{i++}]";
            var type = BundleJson.String(column, "type", file);
            if (type != ModelSignature.FloatType)
            {
                throw BundleJson.Malformed(file, field + ".type", $"\"{ModelSignature.FloatType}\"", $"\"{type}\"");
            }
            result.Add(BundleJson.String(column, "name", file));
        }
        return result;
    }
}
