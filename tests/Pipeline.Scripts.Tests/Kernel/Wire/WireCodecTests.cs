using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Scripts.Kernel.Wire;

namespace Pipeline.Scripts.Tests.Kernel.Wire;

public sealed class WireCodecTests
{
    private static readonly MessageSigner Signer = new("secret-key");
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 31, 12, 34, 56, TimeSpan.Zero).AddTicks(1_234_567));
    private static readonly HeaderFactory Headers = new("session-1", "tester", Clock);

    [Fact]
    public void Encode_Reply_IdentitiesDelimiterSignatureThenParentHeaderBytesAsReceived()
    {
        var request = Decode(Frames("execute_request", """{ "msg_id" : "req-1", "msg_type":"execute_request", "date":"2026-01-01T00:00:00.123Z" }""", "{}", """{"code":"1"}""", identities: [[1, 2, 3]]));
        var frames = WireCodec.Encode(new OutgoingMessage("execute_reply", new JsonObject { ["status"] = "ok" }, request, request.Identities), Headers, Signer);

        Assert.Equal([1, 2, 3], frames[0]);
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[1]));
        Assert.Equal(request.HeaderBytes, frames[4]);
        Assert.True(Signer.Verify(frames[2], frames[3], frames[4], frames[5], frames[6]));
        var header = JsonNode.Parse(frames[3])!;
        Assert.Equal(("execute_reply", "session-1", "5.3"), ((string)header["msg_type"]!, (string)header["session"]!, (string)header["version"]!));
        Assert.Equal("2026-01-31T12:34:56.123456Z", (string)header["date"]!);
    }

    [Fact]
    public void Encode_TwoMessages_FreshMessageIds()
    {
        var a = JsonNode.Parse(WireCodec.Encode(new OutgoingMessage("status", [], null, [[]]), Headers, Signer)[3])!;
        var b = JsonNode.Parse(WireCodec.Encode(new OutgoingMessage("status", [], null, [[]]), Headers, Signer)[3])!;

        Assert.NotEqual((string)a["msg_id"]!, (string)b["msg_id"]!);
    }

    [Fact]
    public void Encode_NonAscii_ReadableUtf8AndRoundTrips()
    {
        var frames = WireCodec.Encode(new OutgoingMessage("stream", new JsonObject { ["text"] = "😀é<b>" }, null, [[]]), Headers, Signer);

        // BMP characters and HTML stay literal; characters outside the BMP are escaped as a valid surrogate pair.
        Assert.Equal("""{"text":"\uD83D\uDE00é<b>"}""", Encoding.UTF8.GetString(frames[^1]));
        Assert.Equal("😀é<b>", (string)JsonNode.Parse(frames[^1])!["text"]!);
    }

    [Fact]
    public void TryDecode_ValidMessageWithSeveralIdentitiesAndBuffers_KeepsAllIdentities()
    {
        var message = Decode(Frames("kernel_info_request", """{"msg_id":"m","msg_type":"kernel_info_request"}""", "{}", "{}", identities: [[1], [2]], buffers: [[9, 9]]));

        Assert.Equal(2, message.Identities.Count);
        Assert.Equal(("kernel_info_request", "m"), (message.MsgType, message.MsgId));
    }

    [Fact]
    public void TryDecode_BadSignature_DroppedWithReason()
    {
        var frames = Frames("execute_request", """{"msg_id":"m","msg_type":"execute_request"}""", "{}", """{"code":"1"}""");
        frames[2] = Encoding.ASCII.GetBytes(new string('0', 64));

        Assert.Null(WireCodec.TryDecode(frames, Signer, out var problem));
        Assert.StartsWith("bad signature", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_TruncatedOrNoDelimiterOrNotJson_DroppedWithReason()
    {
        var good = Frames("execute_request", """{"msg_id":"m","msg_type":"execute_request"}""", "{}", "{}");

        Assert.Null(WireCodec.TryDecode(good.Take(4).ToList(), Signer, out var truncated));
        Assert.Contains("expected at least 5 frames", truncated, StringComparison.Ordinal);
        Assert.Null(WireCodec.TryDecode(good.Skip(2).ToList(), Signer, out var noDelimiter));
        Assert.Contains("<IDS|MSG>", noDelimiter, StringComparison.Ordinal);
        Assert.Null(WireCodec.TryDecode(Frames("x", "[1]", "{}", "{}"), Signer, out var notObject));
        Assert.Contains("header: expected a JSON object", notObject, StringComparison.Ordinal);
    }

    private static JupyterMessage Decode(List<byte[]> frames) =>
        WireCodec.TryDecode(frames, Signer, out var problem) ?? throw new InvalidOperationException(problem);

    private static List<byte[]> Frames(string _, string header, string parent, string content, byte[][]? identities = null, byte[][]? buffers = null)
    {
        var h = Encoding.UTF8.GetBytes(header);
        var p = Encoding.UTF8.GetBytes(parent);
        var m = "{}"u8.ToArray();
        var c = Encoding.UTF8.GetBytes(content);
        var frames = new List<byte[]>(identities ?? [[7]]) { WireCodec.Delimiter, Signer.Sign(h, p, m, c), h, p, m, c };
        frames.AddRange(buffers ?? []);
        return frames;
    }
}
