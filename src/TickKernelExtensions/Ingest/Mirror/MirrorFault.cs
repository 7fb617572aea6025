namespace TickKernelExtensions.Ingest.Mirror;

/// <summary>
/// A misbehaviour the loopback mirror can inject into one response, modelled on what Dukascopy users
/// report: 503 bursts, empty 200 bodies, truncated LZMA, an HTML block page instead of data, stalls and
/// dropped connections.
/// </summary>
public abstract record MirrorFault
{
    private MirrorFault() { }

    /// <summary>Answer with this status and a short body instead of the file.</summary>
    public sealed record Status(int Code, string Body = "") : MirrorFault;

    /// <summary>Answer 200 with an empty body.</summary>
    public sealed record EmptyBody : MirrorFault;

    /// <summary>
    /// Send only the first <paramref name="KeepBytes"/> bytes. With <paramref name="DeclareFullLength"/> the
    /// Content-Length announces the whole file and the connection drops early; without it the response is
    /// a well-formed 200 whose payload is simply cut (what a proxy or a cache can serve).
    /// </summary>
    public sealed record Truncate(int KeepBytes, bool DeclareFullLength = false) : MirrorFault;

    /// <summary>Answer 200 with an HTML page (a CDN's block or challenge page).</summary>
    public sealed record Html : MirrorFault;

    /// <summary>Read the request, then send nothing for <paramref name="Duration"/> (or until the server stops).</summary>
    public sealed record Stall(TimeSpan Duration) : MirrorFault;

    /// <summary>Close the connection without answering.</summary>
    public sealed record Drop : MirrorFault;
}
