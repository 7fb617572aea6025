using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// Stable hashes for <see cref="Provenance"/>: lower-case hex SHA-256 of bytes, of UTF-8 text, and of a configuration
/// object through its canonical JSON. Thread safe.
/// </summary>
public static class ProvenanceHash
{
    private static readonly JsonSerializerOptions Serializer = new()
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Sha256(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>SHA-256 of <see cref="CanonicalJson"/> of <paramref name="configuration"/>.</summary>
    public static string OfConfiguration(object configuration) => Sha256(CanonicalJson(configuration));

    /// <summary>
    /// The object's public properties as System.Text.Json serialises them (enums by name, NaN and infinities as the
    /// strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, TimeSpans as <c>"c"</c> text), rewritten canonically:
    /// object members sorted by ordinal name at every depth, arrays in order, no whitespace, numbers as serialised
    /// (shortest round-trip form). Property order in the source code and the culture do not change the result; renaming
    /// a property or changing a value does.
    /// </summary>
    public static string CanonicalJson(object configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var element = JsonSerializer.SerializeToElement(configuration, configuration.GetType(), Serializer);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, element);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
