namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// How the Iceberg layer reaches the files a table points at (metadata, manifests, data). Locations are the
/// absolute URIs stored in metadata (<c>s3://…</c>, <c>s3a://…</c>, <c>file:/…</c> or a local path).
/// </summary>
public interface IIcebergFileIO
{
    /// <summary>Opens a file for reading; a missing file is an <see cref="IcebergErrorKind.FileNotFound"/> error naming the location.</summary>
    Stream OpenRead(string location);

    /// <summary>The local path of a location when it lives on this machine's disk (DuckDB then reads it in place), else null.</summary>
    string? LocalPath(string location);

    /// <summary>
    /// The local path of a data or delete file whose manifest records <paramref name="expectedLength"/> bytes
    /// (<c>file_size_in_bytes</c>), for readers that need the file on disk (DuckDB). A caching implementation checks
    /// its copy against the length; the default ignores it and answers <see cref="LocalPath(string)"/>.
    /// </summary>
    string? LocalPath(string location, long expectedLength) => LocalPath(location);
}
