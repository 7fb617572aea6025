namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// File IO over a function that opens a location (an object store client, an HTTP fetch, a test double).
/// Files are never local, so the reader copies each data file to a temporary file for DuckDB and deletes it
/// after the scan. The function should throw <see cref="IcebergException"/> (<see cref="IcebergErrorKind.FileNotFound"/>)
/// for a missing object; <see cref="FileNotFoundException"/> is translated into one.
/// </summary>
public sealed class DelegateIcebergFileIO(Func<string, Stream> open) : IIcebergFileIO
{
    private readonly Func<string, Stream> _open = open ?? throw new ArgumentNullException(nameof(open));

    /// <inheritdoc />
    public Stream OpenRead(string location)
    {
        try
        {
            return _open(location);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IcebergException(IcebergErrorKind.FileNotFound, "File not found.", e) { File = location };
        }
    }

    /// <inheritdoc />
    public string? LocalPath(string location) => null;
}
