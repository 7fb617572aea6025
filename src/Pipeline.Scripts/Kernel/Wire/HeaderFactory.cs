using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Kernel.Wire;

/// <summary>
/// Headers of the kernel's messages: a fresh <c>msg_id</c> each, one <c>session</c> per kernel
/// process, and a UTC <c>date</c> with six fractional digits (jupyter_client parses at most six).
/// </summary>
public sealed class HeaderFactory(string session, string username, TimeProvider time)
{
    /// <summary>The protocol version the kernel speaks, also in <c>kernel_info_reply</c>.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>This kernel process's session id.</summary>
    public string Session { get; } = session;

    /// <summary>A new header for a message of type <paramref name="msgType"/>.</summary>
    public JsonObject Create(string msgType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = Session,
        ["username"] = username,
        ["date"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };
}
