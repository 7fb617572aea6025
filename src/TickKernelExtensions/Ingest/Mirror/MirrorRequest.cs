namespace TickKernelExtensions.Ingest.Mirror;

/// <summary>A request the mirror received: the decoded path below its root and the 1-based attempt for that path.</summary>
public sealed record MirrorRequest(string Path, int Attempt);
