namespace TickKernelExtensions.Replication;

/// <summary>A file that was not replicated, and why.</summary>
/// <param name="Path">The file, relative to the source.</param>
/// <param name="Kind">Why.</param>
/// <param name="Message">The error, naming the object, field, expected and actual value.</param>
public sealed record ReplicationFailure(string Path, ReplicationErrorKind Kind, string Message);
