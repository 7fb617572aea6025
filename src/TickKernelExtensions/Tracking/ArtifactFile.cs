namespace TickKernelExtensions.Tracking;

/// <summary>A file in a run's artifacts: <see cref="Path"/> relative to the listed location ('/' separated); <see cref="Size"/> in bytes when the server reports it.</summary>
public sealed record ArtifactFile(string Path, long? Size);
