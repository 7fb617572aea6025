namespace TickKernelExtensions.Datasets;

/// <summary>One file of a tracked directory, as its <c>.dir</c> manifest lists it.</summary>
/// <param name="RelPath">The path below the directory, with '/' separators.</param>
/// <param name="Md5">Lower-case hex MD5 of the file's bytes.</param>
/// <param name="Size">Bytes (not part of the manifest; known when the file was hashed here, else -1).</param>
public sealed record DirEntry(string RelPath, string Md5, long Size = -1);
