using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>Writes a <see cref="MimeBundle"/> as a JSON object of strings and reads it back.</summary>
internal sealed class MimeBundleJsonConverter : JsonConverter<MimeBundle>
{
    public override MimeBundle Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A MIME bundle must be a JSON object; found {reader.TokenType}.");
        }
        var items = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            items.Add(new(key, reader.GetString() ?? ""));
        }
        return new MimeBundle(items);
    }

    public override void Write(Utf8JsonWriter writer, MimeBundle value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (mimeType, text) in value)
        {
            writer.WriteString(mimeType, text);
        }
        writer.WriteEndObject();
    }
}
