namespace TickKernelExtensions.Ingest.Mirror;

/// <summary>Settings of the <see cref="LoopbackMirrorServer"/>.</summary>
public sealed record MirrorServerOptions
{
    /// <summary>The loopback port; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Decides, per request, whether to misbehave (null = serve normally). Called concurrently.
    /// Default: none.
    /// </summary>
    public Func<MirrorRequest, MirrorFault?>? Faults { get; init; }
}
