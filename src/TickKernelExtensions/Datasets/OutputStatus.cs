namespace TickKernelExtensions.Datasets;

/// <summary>The status of one tracked output.</summary>
/// <param name="DvcFile">The <c>.dvc</c> file (full path).</param>
/// <param name="Output">The output as recorded.</param>
/// <param name="State">Unchanged, modified or deleted in the workspace.</param>
/// <param name="Changes">The changed files, in code-point order of their paths (empty when unchanged or deleted).</param>
/// <param name="ObjectsMissingFromCache">Recorded objects not in the local cache (a pull fetches them); -1 when the directory manifest itself is missing.</param>
public sealed record OutputStatus(string DvcFile, DvcOutput Output, OutputState State, IReadOnlyList<FileChange> Changes, int ObjectsMissingFromCache);
