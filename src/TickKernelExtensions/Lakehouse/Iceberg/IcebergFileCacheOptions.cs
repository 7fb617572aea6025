namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>Where <see cref="CachingIcebergFileIO"/> keeps its local copies of remote table files.</summary>
public sealed record IcebergFileCacheOptions
{
    /// <summary>The default cache folder: <c>&lt;system temp&gt;/tick-workbench/iceberg-cache</c>.</summary>
    public static string DefaultDirectory { get; } = Path.Combine(Path.GetTempPath(), "tick-workbench", "iceberg-cache");

    /// <summary>
    /// The cache folder (default <see cref="DefaultDirectory"/>; the CLI uses <c>&lt;data&gt;/cache</c>). An object
    /// <c>s3://bucket/key</c> (or <c>s3a://</c>, <c>s3n://</c>: the same object) is cached at
    /// <c>&lt;Directory&gt;/s3/bucket/key</c>. Safe to delete at any time; files are fetched again when needed.
    /// </summary>
    public string Directory { get; init; } = DefaultDirectory;

    /// <summary>Throws <see cref="ArgumentException"/> naming every bad field at once.</summary>
    public IcebergFileCacheOptions Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            errors.Add($"{nameof(Directory)} must be a folder path (actual '{Directory}')");
        }
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Iceberg file cache options: " + string.Join("; ", errors));
        }
        return this;
    }
}
