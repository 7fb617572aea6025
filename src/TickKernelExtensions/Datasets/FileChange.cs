namespace TickKernelExtensions.Datasets;

/// <summary>One changed file of a tracked output.</summary>
/// <param name="RelPath">The path below a tracked directory ('/' separated), or the file's name for a file output.</param>
/// <param name="Kind">Added, modified or deleted.</param>
public sealed record FileChange(string RelPath, FileChangeKind Kind);
