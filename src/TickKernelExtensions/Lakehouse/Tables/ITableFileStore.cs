namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>
/// Where <see cref="IcebergTables"/> writes, lists and deletes table files: the local disk or an S3 bucket. Files are
/// addressed by their Iceberg location (as recorded in metadata) and reported by a name: the local path for local
/// files, the canonical <c>s3://bucket/key</c> for S3. Every write is atomic (a reader sees nothing or the whole file).
/// </summary>
internal interface ITableFileStore : IDisposable
{
    /// <summary>The name of a location in this store; throws <see cref="Iceberg.IcebergException"/> when it is not one.</summary>
    string Name(string location);

    /// <summary>The name of a location in this store, or null when the location is elsewhere.</summary>
    string? TryName(string location);

    /// <summary>True when the file named <paramref name="name"/> lies under the table location <paramref name="root"/>.</summary>
    bool IsUnder(string name, string root);

    /// <summary>Writes a whole file; the name carries a fresh UUID, so nothing is overwritten.</summary>
    void Write(string location, byte[] bytes);

    /// <summary>A local path a file bound for <paramref name="location"/> may be written to before <see cref="Publish"/>.</summary>
    string TempFileFor(string location);

    /// <summary>Moves (local) or uploads (S3) a finished temporary file to <paramref name="location"/>; the temporary file is gone afterwards.</summary>
    void Publish(string tempFile, string location);

    /// <summary>Copies a local file to <paramref name="location"/> atomically and returns its length in bytes.</summary>
    long Upload(string localFile, string location);

    /// <summary>Deletes a file by name; a missing file is not an error.</summary>
    void Delete(string name);

    /// <summary>True when the file named <paramref name="name"/> exists.</summary>
    bool Exists(string name);

    /// <summary>Every file under the table location <paramref name="root"/>, by name in ordinal order, with its last write time (UTC).</summary>
    IReadOnlyList<(string Name, DateTime LastWriteUtc)> List(string root);
}
