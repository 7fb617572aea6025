using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Kernel.Wire;

/// <summary>
/// Jupyter's multipart framing:
/// <code>
/// [identity…] "&lt;IDS|MSG&gt;" signature header parent_header metadata content [buffer…]
/// </code>
/// The signature covers the four JSON frames as sent; buffers are not signed. Decoding verifies
/// the signature over the frames as received and never re-serializes them.
/// </summary>
public static class WireCodec
{
    /// <summary>The delimiter frame between the routing identities and the signature.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>Readable UTF-8 (no \uXXXX for non-ASCII or HTML characters); valid JSON for any client.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The frames of <paramref name="message"/>, signed.</summary>
    public static List<byte[]> Encode(OutgoingMessage message, HeaderFactory headers, MessageSigner signer)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(headers.Create(message.MsgType), Json);
        var parent = message.Parent?.HeaderBytes ?? EmptyObject;
        var metadata = message.Metadata is null ? EmptyObject : JsonSerializer.SerializeToUtf8Bytes(message.Metadata, Json);
        var content = JsonSerializer.SerializeToUtf8Bytes(message.Content, Json);
        var frames = new List<byte[]>(message.Identities.Count + 6);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(signer.Sign(header, parent, metadata, content));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        return frames;
    }

    /// <summary>
    /// Decodes and verifies <paramref name="frames"/>. Returns null and sets <paramref name="problem"/>
    /// (what was expected and what was found) for a message to drop: no delimiter, fewer than five
    /// frames after it, a bad signature, or frames that are not JSON objects.
    /// </summary>
    public static JupyterMessage? TryDecode(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? problem)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0)
        {
            problem = $"expected a <IDS|MSG> delimiter frame, got {frames.Count} frames without one";
            return null;
        }
        if (frames.Count - delimiter - 1 < 5)
        {
            problem = $"expected at least 5 frames after <IDS|MSG> (signature, header, parent_header, metadata, content), got {frames.Count - delimiter - 1}";
            return null;
        }
        var signature = frames[delimiter + 1];
        var header = frames[delimiter + 2];
        var parent = frames[delimiter + 3];
        var metadata = frames[delimiter + 4];
        var content = frames[delimiter + 5];
        if (!signer.Verify(signature, header, parent, metadata, content))
        {
            problem = $"bad signature: expected the HMAC-SHA256 of the four JSON frames under the connection key, got '{Printable(signature)}'";
            return null;
        }
        try
        {
            var message = new JupyterMessage(
                frames.Take(delimiter).ToArray(),
                header,
                ParseObject(header, "header"),
                ParseObject(metadata, "metadata"),
                ParseObject(content, "content"))
            {
                ParentHeader = parent.Length > 2 ? ParseObject(parent, "parent_header") : null,
            };
            problem = null;
            return message;
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
    }

    private static JsonObject ParseObject(byte[] frame, string name)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject ?? throw new FormatException($"{name}: expected a JSON object, got {Printable(frame)}");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{name}: expected a JSON object, got invalid JSON ({e.Message})", e);
        }
    }

    private static string Printable(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 80));
        return bytes.Length > 80 ? text + "…" : text;
    }
}
