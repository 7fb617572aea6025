namespace TickKernelExtensions.Datasets;

/// <summary>
/// Where a long dataset operation stands. Reported after each file and, inside a large file, after each buffer.
/// </summary>
/// <param name="Operation">add, status, checkout, push or pull.</param>
/// <param name="FilesDone">Files finished.</param>
/// <param name="FilesTotal">Files the operation will look at.</param>
/// <param name="BytesDone">Bytes read, copied or sent so far.</param>
/// <param name="BytesTotal">Bytes the operation expects to handle (0 when unknown).</param>
/// <param name="CurrentPath">The file being worked on, when there is one.</param>
public sealed record DatasetProgress(string Operation, int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, string? CurrentPath);
