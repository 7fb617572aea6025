using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Kernel.Wire;

/// <summary>
/// A decoded, verified message from a client. The header is kept as the bytes received, so replies
/// can carry it as their parent header exactly (no re-serialization).
/// </summary>
/// <param name="Identities">The routing frames before <c>&lt;IDS|MSG&gt;</c>; replies go back with the same list.</param>
/// <param name="HeaderBytes">The header frame as received.</param>
/// <param name="Header">The parsed header.</param>
/// <param name="Metadata">The metadata object.</param>
/// <param name="Content">The content object.</param>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, byte[] HeaderBytes, JsonObject Header, JsonObject Metadata, JsonObject Content)
{
    /// <summary>The parent header; null when it is empty (<c>{}</c>). Clients match replies and outputs to their requests with it.</summary>
    public JsonObject? ParentHeader { get; init; }

    /// <summary>The header's <c>msg_type</c>, e.g. <c>execute_request</c>.</summary>
    public string MsgType => (string?)Header["msg_type"] ?? "";

    /// <summary>The header's <c>msg_id</c>.</summary>
    public string MsgId => (string?)Header["msg_id"] ?? "";
}
