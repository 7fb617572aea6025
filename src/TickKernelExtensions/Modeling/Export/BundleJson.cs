using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// The JSON files of a bundle: written indented with <c>\n</c> line ends on every OS, a final newline, names as given
/// (no escaping of non-ASCII), numbers in the shortest form that round-trips, so equal content gives equal bytes.
/// Read strictly: a missing or mistyped field is a <see cref="ModelBundleErrorKind.Malformed"/> error naming the file and field.
/// </summary>
internal static class BundleJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            body(w);
        }
        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    public static JsonDocument Parse(byte[] bytes, string file)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new ModelBundleException(ModelBundleErrorKind.Malformed, $"Not valid JSON: {e.Message}", e) { File = file };
        }
    }

    public static JsonElement Property(JsonElement e, string name, JsonValueKind kind, string file)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(file, name, "an object holding it", e.ValueKind.ToString());
        }
        if (!e.TryGetProperty(name, out var value))
        {
            throw Malformed(file, name, $"a {Describe(kind)}", "missing");
        }
        return value.ValueKind == kind ? value : throw Malformed(file, name, $"a {Describe(kind)}", value.ValueKind.ToString());
    }

    public static string String(JsonElement e, string name, string file) => Property(e, name, JsonValueKind.String, file).GetString()!;

    public static double Number(JsonElement e, string name, string file) => Property(e, name, JsonValueKind.Number, file).GetDouble();

    public static double? NullableNumber(JsonElement e, string name, string file) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Null ? null : Number(e, name, file);

    public static int Int(JsonElement e, string name, string file)
    {
        var v = Property(e, name, JsonValueKind.Number, file);
        return v.TryGetInt32(out var n) ? n : throw Malformed(file, name, "an integer", v.GetRawText());
    }

    public static ModelBundleException Malformed(string file, string field, string expected, string actual) =>
        new(ModelBundleErrorKind.Malformed, "A bundle file does not have the expected shape.")
        {
            File = file,
            Field = field,
            Expected = expected,
            Actual = actual,
        };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => kind.ToString(),
    };
}
