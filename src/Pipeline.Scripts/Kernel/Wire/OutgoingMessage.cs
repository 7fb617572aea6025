using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Kernel.Wire;

/// <summary>A message the kernel sends: a reply (to a request's identities), or an IOPub broadcast (to a topic).</summary>
/// <param name="MsgType">The header's <c>msg_type</c>.</param>
/// <param name="Content">The content object.</param>
/// <param name="Parent">The request it answers or belongs to; null for none (an empty parent header).</param>
/// <param name="Identities">Routing frames: the request's identities for a reply, one topic frame for IOPub.</param>
/// <param name="Metadata">The metadata object; empty when null.</param>
public sealed record OutgoingMessage(string MsgType, JsonObject Content, JupyterMessage? Parent, IReadOnlyList<byte[]> Identities, JsonObject? Metadata = null);
