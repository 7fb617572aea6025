namespace TickKernelExtensions.Datasets;

/// <summary>One entry of a <c>.dvc</c> file's <c>outs</c> (DVC 3, <c>hash: md5</c>).</summary>
/// <param name="Path">The tracked file or directory, relative to the <c>.dvc</c> file's folder, '/' separated.</param>
/// <param name="Md5">The file's MD5, or the directory's manifest MD5 followed by <c>.dir</c>.</param>
/// <param name="Size">Bytes (a directory: the sum of its files), when recorded.</param>
/// <param name="NFiles">A directory's file count, when recorded; null for a file.</param>
public sealed record DvcOutput(string Path, string Md5, long? Size, int? NFiles)
{
    /// <summary>True when the output is a directory (its hash ends in <c>.dir</c>).</summary>
    public bool IsDirectory => Md5.EndsWith(DirManifest.DirSuffix, StringComparison.Ordinal);
}
